"""The simulated population: people with latent true interests and the events drawn from them.

Writes the data contract plus its truth (interests, truth) and dataset.json; CLI `generate`.

Design notes
- People are generated in fixed blocks of `BLOCK_USERS`; each stage of block b (people,
  chats, impressions, priming, ...) draws from `SeedSequence(seed, spawn_key=(b, stage))`, so
  a population is the same whatever chunk size is used to stream it to disk, event ids are
  numbered in block order, and a switch (`SimParams`) changes only the stages it acts on.
- Rates are calibrated to published figures (`adlens.calibration`, docs/CALIBRATION.md):
  where people live, Meta AI use by region, 25 ad impressions a day recorded 1 in
  `impression_thinning`, 1.7 s mean dwell, about 1 % click-through, most chats with no ad
  topic, a quarter of chats in Spanish, Portuguese or Hindi-English.
- Interests: each person is a mix of one or two taste archetypes (people with similar tastes)
  plus individual noise; sensitive topics are low for most people. Every signal draws its
  topics from the interests with its own noise (`SimParams`). Half the people are light users
  who seldom like or follow anything (and click less); friends' likes follow the archetype
  mix, so for light users friends and similar people say what their own activity does not.
- Intent episodes: a few times per window a topic becomes what the person is about to do or
  buy for 5-20 days. Most Meta AI chats on an ad topic are asked then; site visits,
  retargeted ads and conversations on the topic rise, likes barely, and clicks on its ads are
  several times likelier: a recent chat is a strong, time-local predictor of clicks.
- The simulated platform targets ads by interest; after `schema.POLICY_START`, for people
  outside EU/UK/KR, a person's AI chats on a non-sensitive topic raise ads on that topic in
  apps linked to the chat's app (the new signal). Ad exposures prime offline conversations on
  the same topic 1-10 days later, more so the longer the ad was looked at; some
  conversations are followed by an AI chat on the same topic (conversation -> chat -> ad).
- The truth table records why each chat and conversation happened, with the event that
  caused it; `add_listening` adds an explicit listening counterfactual.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import inspect
import json
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from adlens import calibration, chat_text, schema
from adlens.contract import META_FILE
from adlens.dataset import TRUTH_CAUSES, TRUTH_COLUMNS

BLOCK_USERS = 10_000
Progress = Callable[[float, str], None]

TOPICS = np.array(schema.ALL_TOPICS, dtype=object)
N_TOPICS = len(schema.ALL_TOPICS)
N_EVERYDAY = len(schema.EVERYDAY_TOPICS)
_SENSITIVE = np.arange(N_TOPICS) >= N_EVERYDAY
_META7 = np.isin(TOPICS, schema.SENSITIVE_META7)
_APPS = np.array(schema.APPS, dtype=object)  # facebook, instagram, messenger, whatsapp, ...
_N_AD_APPS = len(schema.AD_APPS)
_DAY_MS = 86_400_000
_TEXT, _VOICE, _IMAGE, _VIDEO = (schema.MODALITIES.index(m) for m in schema.MODALITIES)
_PRIMED, _INTENT, _INTEREST, _AFTER_CONVERSATION, _LISTENING = (
    TRUTH_CAUSES.index(c) for c in ("primed_by_ad", "intent", "interest",
                                    "after_conversation", "listening"))


@dataclass(frozen=True)
class SimParams:
    """Knobs of the simulation. Counts are per person over 92 days (scaled to the window);
    the defaults are the `published-2025` calibration (`adlens.calibration`, where each
    figure's source is given; docs/CALIBRATION.md).

    Impressions are generated at the real rate (`impressions_per_day`) but recorded 1 in
    `impression_thinning`: the data keeps a random 1-in-N sample of the impressions with the
    clicks (and click-through site visits) on them; every other event is kept in full,
    including conversations primed by an impression that was not kept (their truth row then
    has no source id). The same seed at another thinning is the same world: the same people,
    chats, likes and conversations (primed ones included), with another sample of impressions.

    Switches other parts of AdLens use to build worlds that can make a measure fail:
    - `priming_rate=0`: no ad exposure primes a conversation (every conversation is then
      driven by interest or an intent episode).
    - `chat_boost=0`: a world without the platform's own chat targeting: AI chats then shape
      no impression at all (ads are targeted by interest and episode retargeting only).
    - `chat_mode`: "intent" (default: most chats are asked during an intent episode, about
      what the person is about to do or buy) or "likes" (AI chats carry no information
      beyond likes: the same number of chats per person, their topics drawn from the same
      per-person topic distribution as the person's likes, at random times).
    - `listening_rate` R (default 0): an explicit counterfactual in which every conversation
      triggers on average R extra ad impressions on its topic in the following hours (see
      `add_listening`); a population with R > 0 says so in its metadata (`population_meta`).
      R counts recorded impressions: listening ads are not thinned, so against the thinned
      background of other ads R = 0.5 at a thinning of 100 looks like a real world with 50
      listening ads per conversation (R x thinning); a microphone adding one real ad per
      conversation is R = 1 / thinning.
    """

    preset: str = calibration.DEFAULT_PRESET
    country_shares: tuple[tuple[str, float], ...] = calibration.COUNTRY_SHARES
    meta_ai_by_region: tuple[tuple[str, float], ...] = tuple(
        calibration.META_AI_BY_REGION.items())
    meta_ai_age_ratio: tuple[float, ...] = calibration.META_AI_AGE_RATIO
    age_shares: tuple[float, ...] = (0.15, 0.25, 0.21, 0.17, 0.13, 0.09)
    glasses_share_of_ai_users: float = 0.08
    impressions_per_day: float = calibration.IMPRESSIONS_PER_DAY.value
    impression_thinning: int = int(calibration.IMPRESSION_THINNING.value)
    likes: float = calibration.LIKES_PER_DAY.value * 92
    follows: float = calibration.FOLLOWS_PER_DAY.value * 92
    posts: float = calibration.POSTS_PER_DAY.value * 92
    watches: float = calibration.WATCHES_PER_DAY.value * 92
    friend_likes: float = calibration.FRIEND_LIKES_PER_DAY.value * 92
    site_visits: float = 1.2
    ai_chats: float = calibration.CHATS_PER_DAY.value * 92  # per Meta AI user
    no_ad_topic_share: float = calibration.NO_AD_TOPIC_SHARE.value  # of a user's own chats
    language_by_country: tuple[tuple[str, tuple[float, ...]], ...] = tuple(
        calibration.LANGUAGE_BY_COUNTRY.items())
    conversations: float = 1.4
    dwell_mean_ms: float = calibration.DWELL_MEAN.value * 1000
    dwell_sigma: float = calibration.DWELL_SIGMA
    click_base_logit: float = -7.75  # tuned so the click-through rate is calibration.CTR
    chat_boost: float = 0.25  # extra targeting mass per recent chat on a topic
    chat_boost_half_life_days: float = 14.0
    # Chance a (real, unthinned) impression seeds a conversation, for an ad looked at long
    # and on a topic the person cares about; tuned to calibration.PRIMED_SHARE.
    priming_rate: float = 6.5e-4
    priming_dwell_ms: float = 2000.0
    click_to_site_visit: float = 0.6
    chat_after_conversation: float = 0.2  # a Meta AI user asks about what was just discussed
    # Short-term intent episodes ("planning a hiking trip", "buying a car").
    episodes: float = 3.0  # per person per 92 days
    episode_days: tuple[float, float] = (5.0, 20.0)
    chat_in_episode: float = 0.75  # share of a user's chats on an ad topic asked in an episode
    episode_site_visits: float = 0.6  # extra visits to the topic's advertisers per episode
    # Ads on the topic during an episode: advertisers retarget the person's site visits and
    # searches (non-sensitive topics only: those are never targeted); share of all ads.
    episode_impression_share: float = calibration.EPISODE_IMPRESSION_SHARE
    episode_likes: float = 0.3
    episode_conversations: float = 0.25
    episode_click_lift: float = 4.0  # odds of clicking an ad on the episode's topic
    # Taste clusters and light users.
    taste_noise: float = 0.6  # sd of personal taste around the person's archetype mix
    light_user_share: float = 0.5
    light_user_engagement: float = 0.3  # own likes/follows/posts/watches of a light user
    click_engagement: float = 1.0  # people who engage more also click more (log-odds per log)
    # Worlds built to test the measures (see the docstring).
    chat_mode: str = "intent"
    listening_rate: float = 0.0

    def __post_init__(self) -> None:
        if self.chat_mode not in CHAT_MODES:
            raise ValueError(f"chat_mode must be one of {', '.join(CHAT_MODES)}, "
                             f"not {self.chat_mode!r}")
        if not self.listening_rate >= 0:
            raise ValueError(f"listening_rate must be 0 or more, not {self.listening_rate}")
        if int(self.impression_thinning) != self.impression_thinning or \
                self.impression_thinning < 1:
            raise ValueError("impression_thinning must be a whole number of at least 1, not "
                             f"{self.impression_thinning}")
        if not 0 <= self.no_ad_topic_share < 1:
            raise ValueError(f"no_ad_topic_share must be in [0, 1), not "
                             f"{self.no_ad_topic_share}")

    @property
    def dwell_median_ms(self) -> float:
        """The log-normal dwell's median, given its mean and spread."""
        return self.dwell_mean_ms / float(np.exp(self.dwell_sigma ** 2 / 2))


CHAT_MODES: tuple[str, ...] = ("intent", "likes")


# --- countries -------------------------------------------------------------------------------
# UTC offset in hours in Nov-Jan (northern winter, southern summer time).
_UTC_OFFSETS: dict[str, float] = {c: h for h, cs in {
    -5.0: "US CA CO PE", -3.0: "BR AR", -6.0: "MX", 0.0: "GB PT IE",
    2.0: "FI GR RO BG LT LV EE CY ZA UA EG",
    1.0: "DE FR IT ES NL PL SE BE AT DK CZ HU SK HR SI LU MT NG DZ MA",
    3.0: "TR IQ SA KE", 5.0: "PK", 5.5: "IN", 6.0: "BD", 7.0: "ID VN TH", 8.0: "PH MY TW",
    9.0: "KR JP", 11.0: "AU",
}.items() for c in cs.split()}
# Countries spanning several zones: (zones, share of people in each).
_MULTI_ZONE: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "US": ((-5.0, -6.0, -7.0, -8.0), (0.47, 0.29, 0.07, 0.17)),
    "CA": ((-3.5, -4.0, -5.0, -6.0, -7.0, -8.0), (0.02, 0.06, 0.6, 0.08, 0.12, 0.12)),
    "AU": ((11.0, 10.0, 10.5, 8.0), (0.62, 0.2, 0.07, 0.11)),
    "ID": ((7.0, 8.0, 9.0), (0.7, 0.25, 0.05)),
}


@dataclass(frozen=True)
class _Countries:
    """Where simulated people live (from `SimParams.country_shares`), in sorted order."""

    code: np.ndarray
    p: np.ndarray
    excluded: np.ndarray  # the AI-chat signal is not used there (EU, UK, KR)
    utc_offset_h: np.ndarray
    meta_ai: np.ndarray  # share of people using Meta AI (before the age tilt)
    language_p: np.ndarray  # (countries, languages of schema.CHAT_LANGUAGES)


@functools.lru_cache(maxsize=8)
def _countries(shares: tuple[tuple[str, float], ...],
               meta_ai_by_region: tuple[tuple[str, float], ...],
               language_by_country: tuple[tuple[str, tuple[float, ...]], ...]) -> _Countries:
    ordered = sorted(shares)
    code = np.array([c for c, _ in ordered], dtype=object)
    p = np.array([w for _, w in ordered], dtype=np.float64)
    unknown = [c for c in code if c not in _UTC_OFFSETS]
    if unknown:
        raise ValueError(f"no time zone known for {', '.join(unknown)}")
    regions = [schema.region_of(c) for c in code]
    by_region = dict(meta_ai_by_region)
    languages = dict(language_by_country)
    lang = np.array([languages.get(c, (1.0,) + (0.0,) * (len(schema.CHAT_LANGUAGES) - 1))
                     for c in code], dtype=np.float64)
    return _Countries(code, p / p.sum(),
                      np.array([r in schema.EXCLUDABLE_REGIONS for r in regions]),
                      np.array([_UTC_OFFSETS[c] for c in code]),
                      np.array([by_region[r] for r in regions]),
                      lang / lang.sum(axis=1, keepdims=True))


# --- the ad catalogue (fixed, the same for every seed) -----------------------------------------
_CATALOGUE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hiking": (("TrailPeak", "Alpenway", "Summit & Co"), (
        "waterproof hiking boots", "lightweight trekking poles", "25L hiking daypack",
        "merino hiking socks", "Alps hut-to-hut guided tours", "breathable rain shell",
        "trail map app")),
    "running": (("Stride", "PaceLab", "NorthRun"), (
        "cushioned road running shoes", "GPS running watch", "half marathon training plan",
        "reflective running vest", "carbon racing shoes", "trail running shoes")),
    "fitness": (("IronHouse Gym", "FlexFit", "CoreForm"), (
        "first month free membership", "adjustable dumbbells", "whey protein",
        "home workout app", "non-slip yoga mat", "resistance band set")),
    "cooking": (("HomeChef Box", "Castellan", "SpiceRoute"), (
        "meal kits: 50% off your first box", "cast iron skillet", "air fryer XL",
        "chef's knife", "world spice sampler", "slow cooker")),
    "coffee": (("Bean & Burr", "Crema", "Roastery 9"), (
        "espresso machine", "burr grinder", "single-origin coffee subscription",
        "milk frother", "cold brew kit", "moka pot")),
    "travel": (("Wandr", "SkyHop", "StayWell Hotels"), (
        "city breaks from 99", "cheap flights to Lisbon", "hotel deals in Rome",
        "carry-on suitcase", "travel insurance", "Japan rail pass tours", "airport lounge pass")),
    "gaming": (("PixelForge", "NovaPlay", "GG Gear"), (
        "wireless gaming headset", "ergonomic gaming chair", "new open-world RPG",
        "mechanical keyboard", "144Hz gaming monitor", "game subscription: 3 months free")),
    "fashion": (("Loom & Thread", "Marlowe", "UrbanKnit"), (
        "wool winter coat", "white leather sneakers", "wedding guest outfits",
        "slim fit jeans", "leather tote bag", "polarised sunglasses")),
    "beauty": (("Glow Theory", "Lumi", "Petal Lab"), (
        "hydrating moisturiser", "vitamin C serum", "SPF 50 daily sunscreen",
        "ionic hair dryer", "curl cream", "summer eau de parfum")),
    "pets": (("Pawsome", "Whisker Co", "HappyTail"), (
        "grain-free puppy food", "scratch-proof cat tree", "no-pull dog harness",
        "odour-free cat litter", "orthopaedic dog bed", "pet insurance")),
    "parenting": (("LittleSteps", "Nestling", "KidSafe"), (
        "lightweight stroller", "convertible car seat", "smart baby monitor",
        "toddler learning app", "kids' school backpack", "baby sleep course")),
    "personal_finance": (("Ledgerly", "NestEgg Bank", "Brightvest"), (
        "high-yield savings account", "index fund investing app", "budgeting app",
        "cashback credit card", "mortgage rate check", "free tax filing")),
    "cars": (("Voltra Motors", "RoadWise", "AutoCare"), (
        "electric SUV test drive", "winter tyres fitted", "certified used cars",
        "car insurance quote", "4K dashcam", "home EV charger")),
    "tech": (("Nimbus", "Kite Electronics", "Orbit"), (
        "noise-cancelling headphones", "new smartphone trade-in deal", "student laptop",
        "smartwatch", "mesh wifi system", "wireless earbuds", "password manager")),
    "music": (("Soundwave", "Fret & Key", "LiveNation Tix"), (
        "festival tickets", "beginner guitar bundle", "bookshelf speakers",
        "online piano lessons", "record player", "music streaming: 3 months free")),
    "movies": (("CineMax", "StreamBox", "PopcornPlus"), (
        "new blockbuster in cinemas", "streaming: first month free", "home projector",
        "horror movie marathon night", "classic films collection", "4K Blu-ray deals")),
    "books": (("PageTurn", "Inkwell Books", "ListenUp"), (
        "bestselling thriller", "e-reader", "audiobook trial", "fantasy box set",
        "book club picks", "kids' books bundle")),
    "sports": (("Fanzone", "CourtSide", "GoalKit"), (
        "match tickets", "official home shirt", "padel racket", "sports streaming pass",
        "beginner golf set", "tennis lessons")),
    "home_garden": (("Nook Home", "Fixit", "Dwell & Co"), (
        "modular sofa", "robot vacuum", "standing desk", "cordless drill",
        "memory foam mattress", "smart bulbs starter kit")),
    "photography": (("Aperture", "LensCraft", "PrintLab"), (
        "mirrorless camera", "portrait prime lens", "travel tripod", "photo editing app",
        "photo book printing", "camera drone")),
    "gardening": (("GreenThumb", "Seed & Soil", "Bloomly"), (
        "raised garden bed", "heirloom tomato seeds", "easy-care houseplants",
        "cordless lawn mower", "compost bin", "herb garden kit")),
    "cycling": (("Velo Works", "eMotion Bikes", "SpokeShop"), (
        "commuter e-bike", "road bike", "MIPS bike helmet", "smart turbo trainer",
        "gravel bike", "LED bike lights")),
    "wine": (("Cellar Club", "VinoVerde", "Grape Escape"), (
        "wine subscription: 6 bottles", "Tuscany wine tours", "Rioja reserva deal",
        "wine fridge", "champagne gift box", "natural wine tasting")),
    "camping": (("CampCraft", "Wildside", "Ember Outdoors"), (
        "2-person tent", "4-season sleeping bag", "camping stove", "lakeside campsite booking",
        "inflatable sleeping pad", "rooftop tent")),
    "religion": (("Faith Radio", "Grace Community"), ("daily prayer app", "Sunday services")),
    "sexual_orientation": (("Rainbow Travel", "OutTogether"), (
        "LGBTQ+ friendly holidays", "queer community meetups")),
    "politics": (("Citizens for Change", "VoteReady"), (
        "sign the petition", "register to vote today")),
    "health": (("CityCare Clinic", "MindWell", "VitalCheck"), (
        "same-day GP appointments", "online therapy sessions", "blood pressure monitor")),
    "ethnicity": (("Roots & Routes",), ("heritage travel tours",)),
    "philosophy": (("Thinkwell",), ("philosophy course online",)),
    "trade_union": (("WorkersUnited",), ("join your union",)),
    "genetics": (("HelixDNA",), ("ancestry DNA kit",)),
    "biometrics": (("SecureID",), ("fingerprint smart lock",)),
    "sex_life": (("Intimacy Lab",), ("couples' wellness kit",)),
}


def make_ads() -> pd.DataFrame:
    """The fixed ad catalogue: ad_id, advertiser, topic, title (title starts with the brand)."""
    rows = []
    for topic in schema.ALL_TOPICS:
        brands, products = _CATALOGUE[topic]
        for i, product in enumerate(products):
            brand = brands[i % len(brands)]
            rows.append((brand, topic, f"{brand} {product}"))
    ads = pd.DataFrame(rows, columns=["advertiser", "topic", "title"])
    ads.insert(0, "ad_id", [f"ad_{i + 1:04d}" for i in range(len(ads))])
    return ads.astype("str")


_ADS = make_ads()
_AD_TOPIC = chat_text.topic_codes(_ADS["topic"].to_numpy(dtype=object))
_AD_START = np.searchsorted(_AD_TOPIC, np.arange(N_TOPICS))
_AD_COUNT = np.bincount(_AD_TOPIC, minlength=N_TOPICS)
_AD_IDS = _ADS["ad_id"].to_numpy(dtype=object)
_AD_ADVERTISER = _ADS["advertiser"].to_numpy(dtype=object)

# Hour-of-day profile of activity (UTC is fine: it only shapes the timeline).
_HOUR_P = np.array([1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3, 3, 3.5, 4, 3.5, 3, 3, 3.5, 4,
                    5, 6, 6.5, 6, 4, 2])
_HOUR_P = _HOUR_P / _HOUR_P.sum()


# --- small vectorised helpers ------------------------------------------------------------------
def _sample_rows(weights: np.ndarray, rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """For each entry of `rows`, a column index drawn with probability ∝ weights[row]."""
    if rows.size == 0:
        return np.empty(0, dtype=np.int64)
    n_cols = weights.shape[1]
    cum = np.cumsum(weights, axis=1, dtype=np.float64)
    total = cum[:, -1:]
    # Rows nobody samples from may be all zero; keep the flat table monotone anyway.
    cum = np.where(total > 0, cum / np.where(total > 0, total, 1), np.arange(1, n_cols + 1)
                   / n_cols)
    # Row r's cumulative shares shifted by r form one increasing array: one binary search
    # per draw instead of comparing every draw with every column.
    flat = (cum + np.arange(len(cum))[:, None]).ravel()
    u = rng.random(rows.size)
    found = np.searchsorted(flat, rows + u, side="left") - rows * n_cols
    return np.clip(found, 0, n_cols - 1)


def _sample_weights(weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One column index per row of `weights` (each row its own distribution)."""
    return _sample_rows(weights, np.arange(len(weights)), rng)


def _expand(counts: np.ndarray) -> np.ndarray:
    """Row index repeated `counts[row]` times (the owner of each generated event)."""
    return np.repeat(np.arange(len(counts)), counts)


@dataclass(frozen=True)
class _Window:
    """The simulated period: whole UTC days from `start_ms`."""

    start_ms: int
    days: int

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.days * _DAY_MS

    @property
    def span(self) -> float:
        """The window's length relative to the 92 days counts are given for."""
        return self.days / 92

    def times(self, owner: np.ndarray, utc_offset_ms: np.ndarray,
              rng: np.random.Generator) -> np.ndarray:
        """Event times (ms since epoch) with a daily rhythm in each owner's local time.

        A local evening can fall just outside the window in UTC; it wraps to the other end.
        """
        n = owner.size
        day = rng.integers(0, self.days, n)
        hour = rng.choice(24, n, p=_HOUR_P)
        local = day * _DAY_MS + hour * 3_600_000 + rng.integers(0, 3_600_000, n)
        return self.start_ms + (local - utc_offset_ms[owner]) % (self.days * _DAY_MS)


def _pick_ad(topic: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return _AD_START[topic] + np.floor(rng.random(topic.size) * _AD_COUNT[topic]).astype(np.int64)


@dataclass
class _Events:
    """Column arrays for one kind of event (one row per event)."""

    user: np.ndarray
    ts: np.ndarray
    kind: str
    app: np.ndarray | None = None  # index in schema.APPS, -1 for none
    topic: np.ndarray | None = None  # topic code, -1 for none
    text: np.ndarray | None = None  # str objects
    modality: np.ndarray | None = None  # index in schema.MODALITIES, -1 for none
    ad: np.ndarray | None = None  # ad row, -1 for none
    dwell: np.ndarray | None = None
    advertiser: np.ndarray | None = None  # ad row whose advertiser it is, -1 for none
    true_topic: np.ndarray | None = None
    keep_topic: bool = True  # False: the topic column stays empty (inferred from text)
    # Why the event happened (the truth table): index in dataset.TRUTH_CAUSES, None for
    # events the truth table does not describe; `source` is the row of `source_of` that
    # caused it (-1: none, or a cause that is not in the data).
    cause: np.ndarray | None = None
    source: np.ndarray | None = None
    source_of: _Events | None = None
    language: np.ndarray | None = None  # index in schema.CHAT_LANGUAGES; None: English


def _causes(n: int, cause: int) -> np.ndarray:
    return np.full(n, cause, dtype=np.int8)


def _within(ev: _Events, keep: np.ndarray) -> _Events:
    """The events of `ev` where `keep` is true."""
    if keep.all():
        return ev
    fields = {name: (value[keep] if isinstance(value, np.ndarray) else value)
              for name, value in vars(ev).items()}
    return _Events(**fields)


# --- one block of people -----------------------------------------------------------------------
@dataclass(frozen=True)
class _People:
    """One block of simulated people (row i of every array is person i of the block)."""

    country: np.ndarray
    excluded: np.ndarray  # EU, UK or KR: the AI-chat signal is not used
    age: np.ndarray  # index in schema.AGE_BANDS
    uses_ai: np.ndarray
    uses: np.ndarray  # (n, apps) bool: apps the person uses
    linked: np.ndarray  # (n, apps) bool: apps linked in Accounts Center
    activity: np.ndarray  # multiplies every event rate
    engagement: np.ndarray  # multiplies the person's own likes, follows, posts and watches
    taste: np.ndarray  # (n, everyday topics) logits of the person's archetype mix
    interests: np.ndarray  # (n, topics) true interest in [0, 1]
    utc_offset_ms: np.ndarray
    app_weights: np.ndarray  # (n, ad apps) where the person scrolls
    language: np.ndarray  # index in schema.CHAT_LANGUAGES

    @property
    def n(self) -> int:
        return self.country.size


def _people(n: int, rng: np.random.Generator, p: SimParams) -> _People:
    where = _countries(p.country_shares, p.meta_ai_by_region, p.language_by_country)
    home = rng.choice(where.code.size, n, p=where.p)
    country = where.code[home]
    excluded = where.excluded[home]
    age = rng.choice(len(schema.AGE_BANDS), n, p=np.array(p.age_shares)
                     / calibration.ordered_sum(p.age_shares))
    uses_ai = rng.random(n) < np.minimum(where.meta_ai[home]
                                         * np.array(p.meta_ai_age_ratio)[age], 0.95)
    glasses = uses_ai & (rng.random(n) < p.glasses_share_of_ai_users)
    activity = rng.lognormal(0.0, 0.5, n) * np.exp(-0.125)  # mean 1

    # Apps a person uses, then which of them are linked in Accounts Center: none, all or some.
    uses = rng.random((n, len(schema.APPS))) < np.array([0.78, 0.66, 0.5, 0.62, 0, 0])
    uses[~uses[:, :_N_AD_APPS].any(axis=1), 0] = True
    uses[:, 4] = uses_ai & (rng.random(n) < 0.55)  # the standalone Meta AI app
    uses[:, 5] = glasses
    style = rng.random(n)
    linked = np.where((style < 0.10)[:, None], False,
                      np.where((style < 0.55)[:, None], uses,
                               uses & (rng.random((n, len(schema.APPS))) < 0.5)))

    # Latent interests: a mix of one or two taste archetypes shared with similar people, plus
    # personal taste. The low-rank part is what friends' likes and the population's
    # similar-people model can reveal about someone who rarely likes anything.
    k = _ARCHETYPES.shape[0]
    first, second = rng.integers(0, k, n), rng.integers(0, k, n)
    mix = np.where(rng.random(n) < 0.5, rng.uniform(0.2, 0.5, n), 0.0)[:, None]
    taste = (1 - mix) * _ARCHETYPES[first] + mix * _ARCHETYPES[second]
    everyday = taste + rng.normal(0, p.taste_noise, (n, N_EVERYDAY)) - 1.6
    everyday = _sigmoid(everyday + (age[:, None] - 2.5) * _AGE_TILT[None, :])
    # Many people scroll but seldom like or follow anything themselves.
    light = rng.random(n) < p.light_user_share
    engagement = np.where(light, p.light_user_engagement,
                          (1 - p.light_user_share * p.light_user_engagement)
                          / max(1 - p.light_user_share, 1e-9)) * rng.lognormal(0, 0.3, n)
    sensitive = _sigmoid(rng.normal(_SENSITIVE_MEAN, 1.1, (n, N_TOPICS - N_EVERYDAY)))

    offset_h = where.utc_offset_h[home]
    # Countries spanning several time zones: a person lives in one of them.
    for c, (zones, shares) in _MULTI_ZONE.items():
        rows = np.flatnonzero(country == c)
        offset_h[rows] = np.array(zones)[rng.choice(len(zones), rows.size, p=shares)]
    app_weights = (uses[:, :_N_AD_APPS] * np.array([1.0, 1.2, 0.15, 0.25])
                   * rng.gamma(2.0, 0.5, (n, _N_AD_APPS)))
    # The language a person writes chats and conversation notes in.
    language = _sample_rows(where.language_p, home, rng)
    return _People(country, excluded, age, uses_ai, uses, linked, activity, engagement, taste,
                   np.hstack([everyday, sensitive]), (offset_h * 3_600_000).astype(np.int64),
                   app_weights, language)


def _users_table(people: _People, first_user: int, id_width: int) -> pa.Table:
    numbers = pa.array(np.arange(first_user + 1, first_user + people.n + 1)).cast(pa.string())
    linked_apps = np.full(people.n, "", dtype=object)
    for j, app in enumerate(schema.APPS):
        sep = np.where(linked_apps == "", "", "|")
        linked_apps = np.where(people.linked[:, j], linked_apps + sep + app, linked_apps)
    return pa.table({
        "user_id": pc.binary_join_element_wise("u", pc.utf8_lpad(numbers, id_width, "0"), ""),
        "country": pa.array(people.country, pa.string()),
        "age_band": pa.array(np.array(schema.AGE_BANDS, dtype=object)[people.age], pa.string()),
        "uses_meta_ai": pa.array(people.uses_ai),
        "linked_apps": pa.array(linked_apps, pa.string()),
    })


def _topic_weights(people: _People, rng: np.random.Generator, gamma: float, floor: float,
                   sigma: float, sensitive: float) -> np.ndarray:
    """Per person, how strongly one signal draws on each topic: the true interests sharpened
    by `gamma`, with person-and-topic noise `sigma` (someone who loves hiking may never post
    about it) and sensitive topics scaled by `sensitive`."""
    w = (people.interests + floor) ** gamma * rng.lognormal(0, sigma, people.interests.shape)
    w[:, _SENSITIVE] *= sensitive
    return w


@dataclass(frozen=True)
class _Episodes:
    """Short-term intents: person `user` is about to do or buy something on `topic` from
    `start_ms` to `end_ms` (sorted by person). An episode may run past either end of the
    window; events drawn outside it are dropped, so the edges get no pile-up of events."""

    user: np.ndarray
    topic: np.ndarray
    start_ms: np.ndarray
    end_ms: np.ndarray

    def times(self, episode: np.ndarray, people: _People, window: _Window,
              rng: np.random.Generator) -> np.ndarray:
        """A time within each given episode, at an hour people are active (local time);
        it may fall outside the window."""
        lo, hi = self.start_ms[episode], self.end_ms[episode]
        ts = lo + np.floor(rng.random(episode.size) * (hi - lo)).astype(np.int64)
        offset = people.utc_offset_ms[self.user[episode]]
        local_day = (ts + offset) // _DAY_MS
        hour = rng.choice(24, episode.size, p=_HOUR_P)
        return (local_day * _DAY_MS + hour * 3_600_000
                + rng.integers(0, 3_600_000, episode.size) - offset)

    def events(self, rate: float, people: _People, window: _Window,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Poisson(`rate`) extra events per episode within the window: (person, topic, time)."""
        episode = _expand(rng.poisson(rate, self.user.size))
        ts = self.times(episode, people, window, rng)
        inside = (ts >= window.start_ms) & (ts < window.end_ms)
        return self.user[episode][inside], self.topic[episode][inside], ts[inside]

    def active(self, user: np.ndarray, topic: np.ndarray, ts: np.ndarray) -> np.ndarray:
        """True where the person is in an episode on that topic at that time."""
        out = np.zeros(user.size, dtype=bool)
        if self.user.size == 0 or user.size == 0:
            return out
        lo = min(int(self.start_ms.min()), int(ts.min()))
        span = max(int(self.end_ms.max()), int(ts.max())) - lo + 1
        slot = self.user.astype(np.int64) * N_TOPICS + self.topic
        key = slot * span + (self.start_ms - lo)
        order = np.argsort(key, kind="stable")
        # The latest episode of the slot that began by then (overlaps on one topic are rare).
        pos = np.searchsorted(key[order], (user.astype(np.int64) * N_TOPICS + topic) * span
                              + (ts - lo), side="right") - 1
        ok = pos >= 0
        hit = order[pos[ok]]
        out[ok] = ((slot[hit] == user[ok].astype(np.int64) * N_TOPICS + topic[ok])
                   & (ts[ok] < self.end_ms[hit]))
        return out


def _episodes(people: _People, rng: np.random.Generator, window: _Window,
              p: SimParams) -> _Episodes:
    """A few intent episodes per person over the window, on topics they care about (health
    worries included: people ask the assistant about symptoms)."""
    owner = _expand(rng.poisson(p.episodes * window.days / 92, people.n))
    topic = _sample_rows(_topic_weights(people, rng, 2.0, 0.02, 0.6, 1.5), owner, rng)
    length = (rng.uniform(*p.episode_days, owner.size) * _DAY_MS).astype(np.int64)
    # Every episode overlaps the window; some began before it or run on after it.
    start_ms = window.start_ms + rng.uniform(-length, window.days * _DAY_MS).astype(np.int64)
    return _Episodes(owner, topic, start_ms, start_ms + length)


# Each stage of a block draws from its own random stream, so switching one mechanism off
# (chat targeting, priming, listening, how chats pick topics) leaves the other stages'
# draws as they were: worlds that differ in one switch differ only where it acts.
_STAGES = ("people", "episodes", "talks", "chats", "activity", "impressions", "clicks",
           "priming", "listening")


def _streams(seed: int, block: int) -> dict[str, np.random.Generator]:
    return {name: np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block, i)))
            for i, name in enumerate(_STAGES)}


def _block(
    first_user: int, n: int, rngs: dict[str, np.random.Generator], window: _Window,
    params: SimParams, id_width: int,
) -> tuple[pa.Table, np.ndarray, list[_Events]]:
    """People `first_user .. first_user+n-1`: users table, true interests and their events."""
    people = _people(n, rngs["people"], params)
    episodes = _episodes(people, rngs["episodes"], window, params)
    talks = _spontaneous_conversations(people, episodes, rngs["talks"], window, params)
    activity, like_weights = _platform_activity(people, episodes, rngs["activity"], window,
                                                params)
    chats = _ai_chats(people, episodes, talks, like_weights, rngs["chats"], window, params)
    impressions, primers, primer_row = _shown_and_primers(people, episodes, chats, rngs,
                                                          window, params)
    clicks, visits = _clicks_and_visits(people, episodes, impressions, rngs["clicks"], window,
                                        params)
    conversations = _conversations(talks, primers, primer_row, impressions, people,
                                   rngs["priming"], window)
    chats.source_of = conversations  # spontaneous conversations are its first rows
    events = [chats, *activity, impressions, clicks, visits, conversations]
    if params.listening_rate > 0:
        events.append(_listening(conversations, impressions, params.listening_rate,
                                 rngs["listening"], window))
    # Clicks and visits right after an impression late on the last day fall outside the window.
    return (_users_table(people, first_user, id_width), people.interests,
            _keep_before(events, window.end_ms))


def _keep_before(events: list[_Events], end_ms: int) -> list[_Events]:
    """The events before `end_ms`, with every `source` pointing at the kept rows (-1 where
    the source itself was dropped)."""
    keeps = [ev.ts < end_ms for ev in events]
    kept = [_within(ev, keep) for ev, keep in zip(events, keeps, strict=True)]
    moved = {id(ev): (new, np.cumsum(keep) - 1, keep)
             for ev, new, keep in zip(events, kept, keeps, strict=True)}
    for ev in kept:
        if ev.source_of is None or ev.source is None:
            continue
        target, new_row, keep = moved[id(ev.source_of)]
        if keep.size == 0:
            ev.source = np.full(ev.source.size, -1)
        else:
            src = np.maximum(ev.source, 0)
            ev.source = np.where((ev.source >= 0) & keep[src], new_row[src], -1)
        ev.source_of = target
    return kept


def _spontaneous_conversations(people: _People, episodes: _Episodes, rng: np.random.Generator,
                               window: _Window, p: SimParams) -> _Events:
    """Offline conversations driven by interests and current plans (primed ones come after
    the ads)."""
    owner = _expand(rng.poisson(p.conversations * window.span * people.activity))
    topic = _sample_rows(_topic_weights(people, rng, 2.0, 0.02, 0.5, 1.2), owner, rng)
    ts = window.times(owner, people.utc_offset_ms, rng)
    ep_user, ep_topic, ep_ts = episodes.events(p.episode_conversations, people, window, rng)
    cause = np.concatenate([_causes(owner.size, _INTEREST), _causes(ep_user.size, _INTENT)])
    owner, topic = np.concatenate([owner, ep_user]), np.concatenate([topic, ep_topic])
    return _Events(owner, np.concatenate([ts, ep_ts]), "conversation", topic=topic,
                   true_topic=topic, cause=cause)


def _ai_chats(people: _People, episodes: _Episodes, talks: _Events, like_weights: np.ndarray,
              rng: np.random.Generator, window: _Window, p: SimParams) -> _Events:
    """Messages to Meta AI (its users only), on any topic including sensitive ones. Most are
    asked during an intent episode, about what the person is about to do or buy; some follow
    up a conversation the person just had (asking about what friends mentioned).

    With `chat_mode="likes"` the same number of chats per person is drawn, but every topic
    comes from the person's like distribution at a random time: chats then say nothing
    likes do not."""
    n_all = rng.poisson(p.ai_chats * window.span * people.activity
                        * rng.lognormal(0, 0.6, people.n) * np.exp(-0.18) * people.uses_ai)
    # Most chats have no ad topic (writing, facts, practical help): drawn apart, at any time.
    no_topic = _TEXT_HAS_NO_TOPIC and p.no_ad_topic_share > 0
    n_chat = rng.binomial(n_all, 1 - p.no_ad_topic_share) if no_topic else n_all
    follow = people.uses_ai[talks.user] & (rng.random(talks.user.size)
                                           < p.chat_after_conversation)
    n_episodes = np.bincount(episodes.user, minlength=people.n)
    n_in = np.where(n_episodes > 0, rng.binomial(n_chat, p.chat_in_episode), 0)
    # In-episode chats: each goes to one of the person's episodes at random; one that falls
    # outside the window (the episode runs over its edge) is asked at another time instead,
    # so every person asks as often as drawn.
    asker = _expand(n_in)
    first_episode = np.searchsorted(episodes.user, np.arange(people.n))
    episode = first_episode[asker] + np.floor(
        rng.random(asker.size) * n_episodes[asker]).astype(np.int64)
    asked = episodes.times(episode, people, window, rng)
    inside = (asked >= window.start_ms) & (asked < window.end_ms)
    owner = np.sort(np.concatenate([_expand(n_chat - n_in), asker[~inside]]), kind="stable")
    topic = _sample_rows(_topic_weights(people, rng, 2.0, 0.02, 0.6, 2.2), owner, rng)
    ts = window.times(owner, people.utc_offset_ms, rng)
    n_base, n_asked, n_follow = owner.size, int(inside.sum()), int(follow.sum())
    later = (rng.uniform(0.02, 3.0, n_follow) * _DAY_MS).astype(np.int64)
    owner = np.concatenate([owner, asker[inside], talks.user[follow]])
    topic = np.concatenate([topic, episodes.topic[episode[inside]], talks.topic[follow]])
    ts = np.concatenate([ts, asked[inside], talks.ts[follow] + later])
    cause = np.concatenate([_causes(n_base, _INTEREST), _causes(n_asked, _INTENT),
                            _causes(n_follow, _AFTER_CONVERSATION)])
    source = np.concatenate([np.full(n_base + n_asked, -1), np.flatnonzero(follow)])
    if p.chat_mode == "likes":
        # The same people ask as many times, about what they like, whenever.
        topic = _sample_rows(like_weights, owner, rng)
        ts = window.times(owner, people.utc_offset_ms, rng)
        cause = _causes(owner.size, _INTEREST)
        source = np.full(owner.size, -1)
    idle = _expand(n_all - n_chat)
    owner = np.concatenate([owner, idle])
    topic = np.concatenate([topic, np.full(idle.size, -1)])
    ts = np.concatenate([ts, window.times(idle, people.utc_offset_ms, rng)])
    cause = np.concatenate([cause, _causes(idle.size, _INTEREST)])
    source = np.concatenate([source, np.full(idle.size, -1)])
    language = people.language[owner]

    uses = people.uses
    app_w = np.hstack([uses[:, :_N_AD_APPS] * np.array([0.5, 0.6, 0.5, 0.8]),
                       (uses[:, 4] * 1.5)[:, None], (uses[:, 5] * 1.5)[:, None]])
    app = _sample_rows(app_w, owner, rng)
    on_glasses = app == schema.APPS.index("glasses")
    modality = np.where(rng.random(owner.size) < 0.28, _VOICE, _TEXT)
    g = rng.random(owner.size)
    modality[on_glasses] = np.where(g[on_glasses] < 0.6, _VOICE,
                                    np.where(g[on_glasses] < 0.85, _IMAGE, _VIDEO))
    second = _sample_rows(_topic_weights(people, rng, 1.0, 0.05, 0.3, 0.3), owner, rng)
    # Speech recognition does not misspell: only typed chats get typos.
    typed = modality == _TEXT
    texts = np.empty(owner.size, dtype=object)
    texts[typed] = _chat_texts(topic[typed], rng, language[typed], secondary=second[typed])
    texts[~typed] = _chat_texts(topic[~typed], rng, language[~typed], secondary=second[~typed],
                                typo_rate=0.0)
    return _Events(owner, ts, "ai_chat", app=app, topic=topic,
                   text=_as_spoken(texts, modality, rng), modality=modality, true_topic=topic,
                   keep_topic=False, cause=cause, source=source, source_of=talks,
                   language=language if _TEXT_HAS_LANGUAGES else None)


# Chat text in other languages and chats with no ad topic (topic code -1) come with the
# `languages` argument of chat_text; with an older chat_text every chat is in English and
# has an ad topic.
_TEXT_HAS_LANGUAGES = "languages" in inspect.signature(chat_text.make_chat_texts).parameters
_TEXT_HAS_NO_TOPIC = _TEXT_HAS_LANGUAGES and hasattr(schema, "NO_AD_TOPIC")
_LANGUAGE_CODES = np.array(schema.CHAT_LANGUAGES, dtype=object)


def _chat_texts(topic: np.ndarray, rng: np.random.Generator, language: np.ndarray,
                **kwargs: object) -> np.ndarray:
    """Chat messages, in each one's language (English only: called as before)."""
    if _TEXT_HAS_LANGUAGES and (language != 0).any():
        kwargs["languages"] = _LANGUAGE_CODES[language]
    return chat_text.make_chat_texts(topic, rng, **kwargs)


def _platform_activity(people: _People, episodes: _Episodes, rng: np.random.Generator,
                       window: _Window, p: SimParams) -> tuple[list[_Events], np.ndarray]:
    """Likes, follows, posts, watches and friends' likes, each signal with its own noise; an
    intent episode adds only a few likes. Also returns the per-person topic weights of likes."""
    events = []
    like_weights = np.empty(0)
    for kind, rate, gamma, floor, sigma in (
        ("like", p.likes, 2.0, 0.02, 0.5), ("follow", p.follows, 3.0, 0.0, 0.4),
        ("post", p.posts, 2.5, 0.01, 0.7), ("watch", p.watches, 1.5, 0.05, 0.6),
    ):
        owner = _expand(rng.poisson(rate * window.span * people.activity
                                        * people.engagement))
        weights = _topic_weights(people, rng, gamma, floor, sigma, 0.15)
        if kind == "like":
            like_weights = weights
        topic = _sample_rows(weights, owner, rng)
        ts = window.times(owner, people.utc_offset_ms, rng)
        if kind == "like":
            ep_user, ep_topic, ep_ts = episodes.events(p.episode_likes, people, window, rng)
            owner, topic = np.concatenate([owner, ep_user]), np.concatenate([topic, ep_topic])
            ts = np.concatenate([ts, ep_ts])
        ev = _Events(owner, ts, kind, app=_sample_rows(people.app_weights, owner, rng),
                     topic=topic)
        if kind == "watch":
            ev.dwell = np.round(rng.lognormal(np.log(9000), 0.9, owner.size))
        events.append(ev)

    # Friends share the person's taste archetypes, not their personal quirks, and like things
    # however little the person does.
    friends = _sigmoid(people.taste + rng.normal(0, 0.8, (people.n, N_EVERYDAY)) - 1.6)
    weights = np.hstack([friends ** 2, np.full((people.n, N_TOPICS - N_EVERYDAY), 0.002)])
    owner = _expand(rng.poisson(p.friend_likes * window.span
                                     * rng.lognormal(-0.125, 0.5, people.n)))
    events.append(_Events(owner, window.times(owner, people.utc_offset_ms, rng), "friend_like",
                          app=_sample_rows(people.app_weights, owner, rng),
                          topic=_sample_rows(weights, owner, rng)))
    return events, like_weights


def _targeting(people: _People, rng: np.random.Generator) -> np.ndarray:
    """Per person, the platform's share of ads on each topic, by interest (before the AI-chat
    signal); sensitive topics are never targeted, only shown rarely and at random."""
    target = ((people.interests + 0.03) ** 2.5
              * rng.lognormal(0, 0.5, people.interests.shape))
    target[:, _SENSITIVE] = 0.004
    return target / target.sum(axis=1, keepdims=True)


def _impressions(people: _People, episodes: _Episodes, chats: _Events, target: np.ndarray,
                 rng: np.random.Generator, window: _Window, p: SimParams,
                 scale: float) -> _Events:
    """Ads shown in the feed, `scale` times the real rate: targeted by interest (plus the
    AI-chat signal after the policy date) and retargeted during intent episodes."""
    per_person = p.impressions_per_day * 92 * scale  # over 92 days, like episodes
    base = per_person * (1 - p.episode_impression_share)
    per_episode = (per_person * p.episode_impression_share
                   / max(p.episodes * _RETARGETED_EPISODES, 1e-9))
    owner = _expand(rng.poisson(base * window.span * people.activity))
    ts = window.times(owner, people.utc_offset_ms, rng)
    app = _sample_rows(people.app_weights, owner, rng)
    topic = _sample_rows(target, owner, rng)
    _apply_chat_signal(topic, owner, ts, app, target, people, chats, p, rng)
    everyday = _Episodes(*(getattr(episodes, f)[~_SENSITIVE[episodes.topic]]
                           for f in ("user", "topic", "start_ms", "end_ms")))
    ep_user, ep_topic, ep_ts = everyday.events(per_episode, people, window, rng)
    owner, topic = np.concatenate([owner, ep_user]), np.concatenate([topic, ep_topic])
    ts = np.concatenate([ts, ep_ts])
    app = np.concatenate([app, _sample_rows(people.app_weights, ep_user, rng)])
    interest = people.interests[owner, topic]
    # People look longer at ads they care about; most exposures are a glance.
    # A frame under ~50 ms is not rendered; two minutes is someone who left the phone.
    dwell = np.round(np.clip(
        rng.lognormal(np.log(p.dwell_median_ms) + 0.35 * (interest - _MEAN_SHOWN_INTEREST),
                      p.dwell_sigma),
        50.0, 120_000.0))
    return _Events(owner, ts, "ad_impression", app=app, topic=topic,
                   ad=_pick_ad(topic, rng), dwell=dwell)


# The share of episodes whose retargeted ads are shown: sensitive topics are never
# retargeted and episodes run over the window's edges (measured on generated populations).
_RETARGETED_EPISODES = 0.8
# The average true interest in the topic of a shown ad: centres the dwell's interest effect
# so the mean dwell stays at SimParams.dwell_mean_ms (measured on generated populations).
_MEAN_SHOWN_INTEREST = 0.55


def _priming_chance(imp: _Events, people: _People, p: SimParams) -> np.ndarray:
    """The chance each impression seeds a conversation on its topic (at most
    `_PRIMING_MAX * priming_rate`): likelier the longer the ad was on screen and the more the
    person cares about the topic."""
    interest = people.interests[imp.user, imp.topic]
    return p.priming_rate * (1 - np.exp(-imp.dwell / p.priming_dwell_ms)) * (0.4 + interest)


_PRIMING_MAX = 1.4  # the largest (0.4 + interest) factor above


def _concat(a: _Events, b: _Events) -> _Events:
    """The rows of two event sets of the same kind and columns."""
    return _Events(**{name: (np.concatenate([value, getattr(b, name)])
                             if isinstance(value, np.ndarray) else value)
                      for name, value in vars(a).items()})


def _shown_and_primers(people: _People, episodes: _Episodes, chats: _Events,
                       rngs: dict[str, np.random.Generator], window: _Window, p: SimParams
                       ) -> tuple[_Events, _Events, np.ndarray]:
    """(recorded impressions, the impressions that primed a conversation, each primer's row
    in the recorded impressions or -1 where the thinning left it out).

    The real impressions split into those that prime a conversation and those that do not;
    both are drawn directly (a Poisson process thinned by a chance is a Poisson process), so
    no unrecorded impression is ever generated. The primers are drawn at the real rate from
    their own stream and each is recorded with chance 1/thinning: at any thinning the same
    conversations are primed, and a coarser thinning records a subset of the primers a finer
    one does."""
    target = _targeting(people, rngs["impressions"])
    thin = int(p.impression_thinning)
    rng = rngs["impressions"]
    shown = _impressions(people, episodes, chats, target, rng, window, p, 1 / thin)
    shown = _within(shown, rng.random(shown.user.size) >= _priming_chance(shown, people, p))
    most = _PRIMING_MAX * p.priming_rate
    rng = rngs["priming"]
    primers = _impressions(people, episodes, chats, target, rng, window, p, most)
    if most > 0:
        primers = _within(primers, rng.random(primers.user.size)
                          < _priming_chance(primers, people, p) / most)
    recorded = rng.random(primers.user.size) < 1 / thin
    row = np.where(recorded, shown.user.size + np.cumsum(recorded) - 1, -1)
    return _concat(shown, _within(primers, recorded)), primers, row


def _clicks_and_visits(people: _People, episodes: _Episodes, imp: _Events,
                       rng: np.random.Generator, window: _Window, p: SimParams
                       ) -> tuple[_Events, _Events]:
    """Clicks (likelier with interest and dwell, much likelier on what the person is about to
    do or buy) and advertiser site visits (browsing driven by interest and current plans, plus
    most clicks landing on the advertiser's site)."""
    interest = people.interests[imp.user, imp.topic]
    logit = (p.click_base_logit + 4.0 * interest
             + 0.6 * np.log(np.maximum(imp.dwell, 50) / p.dwell_median_ms)
             + np.log(p.episode_click_lift) * episodes.active(imp.user, imp.topic, imp.ts)
             + p.click_engagement * np.log(people.engagement[imp.user]))
    clicked = np.flatnonzero(rng.random(imp.user.size) < _sigmoid(logit))
    click_ts = imp.ts[clicked] + np.round(imp.dwell[clicked]
                                          + rng.exponential(1500, clicked.size)).astype(np.int64)
    clicks = _Events(imp.user[clicked], click_ts, "ad_click", app=imp.app[clicked],
                     topic=imp.topic[clicked], ad=imp.ad[clicked])

    owner = _expand(rng.poisson(p.site_visits * window.span * people.activity))
    topic = _sample_rows(_topic_weights(people, rng, 3.0, 0.0, 0.5, 0.3), owner, rng)
    browse_ts = window.times(owner, people.utc_offset_ms, rng)
    ep_user, ep_topic, ep_ts = episodes.events(p.episode_site_visits, people, window, rng)
    owner, topic = np.concatenate([owner, ep_user]), np.concatenate([topic, ep_topic])
    browse_ts = np.concatenate([browse_ts, ep_ts])
    ad = _pick_ad(topic, rng)
    through = np.flatnonzero(rng.random(clicked.size) < p.click_to_site_visit)
    landed = clicked[through]
    landed_ts = click_ts[through] + rng.integers(2_000, 120_000, through.size)
    visits = _Events(np.concatenate([owner, imp.user[landed]]),
                     np.concatenate([browse_ts, landed_ts]),
                     "site_visit", topic=np.concatenate([topic, imp.topic[landed]]),
                     advertiser=np.concatenate([ad, imp.ad[landed]]))
    return clicks, visits


def _conversations(talks: _Events, primers: _Events, primer_row: np.ndarray,
                   impressions: _Events, people: _People, rng: np.random.Generator,
                   window: _Window) -> _Events:
    """All offline conversations: the spontaneous ones plus one 1-10 days after each
    impression that primed one (its source: the primer's row in `impressions`, -1 when not
    recorded)."""
    ts = primers.ts + (rng.uniform(1, 10, primers.user.size) * _DAY_MS).astype(np.int64)
    inside = ts < window.end_ms
    owner = np.concatenate([talks.user, primers.user[inside]])
    topic = np.concatenate([talks.topic, primers.topic[inside]])
    language = people.language[owner]
    if _TEXT_HAS_LANGUAGES and (language != 0).any():
        text = chat_text.make_conversation_texts(topic, rng, languages=_LANGUAGE_CODES[language])
    else:
        text = chat_text.make_conversation_texts(topic, rng)
    return _Events(owner, np.concatenate([talks.ts, ts[inside]]), "conversation", topic=topic,
                   text=text, true_topic=topic,
                   language=language if _TEXT_HAS_LANGUAGES else None,
                   cause=np.concatenate([talks.cause, _causes(int(inside.sum()), _PRIMED)]),
                   source=np.concatenate([np.full(talks.user.size, -1), primer_row[inside]]),
                   source_of=impressions)


# Listening counterfactual: delay from a conversation to the ad it triggers. Assumption (no
# platform is known to do this): at least 10 minutes for an ad auction to pick up the new
# interest, then exponential with a mean of 3 hours, so most follow within the evening and
# nearly all within a day.
LISTENING_MIN_DELAY_MS = 10 * 60_000
LISTENING_MEAN_DELAY_MS = 3 * 3_600_000


def _listening_draws(conv_user: np.ndarray, conv_ts: np.ndarray, imp_user: np.ndarray,
                     rate: float, rng: np.random.Generator, end_ms: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Poisson(`rate`) ads per conversation in the following hours, each shown where and as
    long as one of the same person's own impressions, drawn at random (anyone's when the
    person has none): (conversation row, time in ms, impression row to copy app and dwell)."""
    if imp_user.size == 0:  # nobody to copy from: no ads at all in this world
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    conv = _expand(rng.poisson(rate, conv_user.size))
    ts = conv_ts[conv] + LISTENING_MIN_DELAY_MS + np.round(
        rng.exponential(LISTENING_MEAN_DELAY_MS, conv.size)).astype(np.int64)
    inside = ts < end_ms
    conv, ts = conv[inside], ts[inside]
    order = np.argsort(imp_user, kind="stable")
    n_users = int(max(conv_user.max(initial=-1), imp_user.max(initial=-1))) + 1
    first = np.searchsorted(imp_user[order], np.arange(n_users))
    count = np.bincount(imp_user, minlength=n_users)
    who = conv_user[conv]
    u = rng.random(conv.size)
    own = count[who] > 0
    pick = np.where(own, first[who] + np.floor(u * count[who]).astype(np.int64),
                    np.floor(u * imp_user.size).astype(np.int64))
    return conv, ts, order[np.minimum(pick, imp_user.size - 1)]


def _listening(conversations: _Events, imp: _Events, rate: float, rng: np.random.Generator,
               window: _Window) -> _Events:
    """Counterfactual ads triggered by listening to each conversation, on its topic."""
    conv, ts, like = _listening_draws(conversations.user, conversations.ts, imp.user, rate,
                                      rng, window.end_ms)
    topic = conversations.topic[conv]
    return _Events(conversations.user[conv], ts, "ad_impression", app=imp.app[like],
                   topic=topic, ad=_pick_ad(topic, rng), dwell=imp.dwell[like],
                   cause=_causes(conv.size, _LISTENING), source=conv,
                   source_of=conversations)


def add_listening(frames: Mapping[str, pd.DataFrame], rate: float, seed: int
                  ) -> dict[str, pd.DataFrame]:
    """The rows a listening world adds to an already generated population (cheap: only the
    conversations and impressions are read): {'events': counterfactual ad impressions,
    'truth': one row per impression, cause 'listening', source the conversation}.

    Every conversation with a topic triggers Poisson(`rate`) ads on its topic, 10 minutes
    plus an exponential delay (mean 3 hours) after it (`LISTENING_*_DELAY_MS`; none after the
    window's last day), each shown in the app and for the dwell time of one of the person's
    own impressions drawn at random. The new event ids are 'l' and nine digits, so they
    never clash with the generator's. Listening ads are never clicked and prime nothing.
    The same frames, rate and seed give the same rows; `with_listening` merges them.
    """
    if not rate >= 0:
        raise ValueError(f"the listening rate must be 0 or more, not {rate}")
    events = frames["events"]
    kind = events["event_type"]
    conv = events[(kind == "conversation") & events["topic"].isin(schema.ALL_TOPICS)]
    imp = events[kind == "ad_impression"]
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(len(_STAGES),)))
    users, codes = np.unique(np.concatenate([conv["user_id"].to_numpy(dtype=object),
                                             imp["user_id"].to_numpy(dtype=object)]),
                             return_inverse=True)
    conv_ts = conv["ts"].to_numpy(dtype="datetime64[ms]").astype(np.int64)
    last = events["ts"].max() if len(events) else pd.Timestamp(0, tz="UTC")
    end_ms = _ms((last + pd.Timedelta(days=1)).date())
    row, ts, like = _listening_draws(codes[:len(conv)], conv_ts, codes[len(conv):],
                                     rate if rate > 0 else 0.0, rng, end_ms)
    topic = chat_text.topic_codes(conv["topic"].to_numpy(dtype=object)[row])
    ad = _pick_ad(topic, rng)
    n = row.size
    ids = np.array([f"l{i:09d}" for i in range(1, n + 1)], dtype=object)
    new = pd.DataFrame({
        "event_id": ids,
        "user_id": users[codes[:len(conv)][row]],
        "ts": pd.to_datetime(ts, unit="ms", utc=True).as_unit(events["ts"].dt.unit),
        "app": imp["app"].to_numpy(dtype=object)[like],
        "event_type": "ad_impression",
        "topic": TOPICS[topic],
        "text": "",
        "modality": "",
        "ad_id": _AD_IDS[ad],
        "dwell_ms": imp["dwell_ms"].to_numpy(dtype=np.float64)[like],
    })
    for col in events.columns.difference(new.columns):
        new[col] = "" if pd.api.types.is_string_dtype(events[col]) else np.nan
    new = new[list(events.columns)].astype({c: events[c].dtype for c in events.columns
                                            if c != "ts"})
    truth = pd.DataFrame({
        "event_id": ids,
        "event_type": "ad_impression",
        "cause": "listening",
        "source_event_id": conv["event_id"].to_numpy(dtype=object)[row],
        "true_topic": TOPICS[topic],
        "language": "",
    }).astype("str")
    return {"events": new, "truth": truth}


def listening_meta(meta: Mapping[str, object] | None, rate: float, seed: int) -> dict:
    """The description of a world `with_listening` built on a population described by
    `meta` (None: an unknown one): its listening rate and seed, and the counterfactual named."""
    out = dict(meta or {})
    words = [w for w in out.get("counterfactual", []) or []
             if not str(w).startswith("Listening counterfactual")]
    out["listening_rate"] = float(rate)
    out["listening_seed"] = int(seed)
    out["counterfactual"] = words + ([_listening_words(rate)] if rate > 0 else [])
    return out


def with_listening(frames: Mapping[str, pd.DataFrame], rate: float, seed: int
                   ) -> dict[str, pd.DataFrame]:
    """The population with `add_listening`'s rows merged in: events sorted by person then
    time again, truth rows appended (a truth table is created when there was none)."""
    added = add_listening(frames, rate, seed)
    out = dict(frames)
    events = pd.concat([frames["events"], added["events"]], ignore_index=True)
    out["events"] = events.sort_values(["user_id", "ts"], kind="stable", ignore_index=True)
    truth = frames.get("truth")
    out["truth"] = (added["truth"] if truth is None
                    else pd.concat([truth, added["truth"]], ignore_index=True))
    return out


_GLASSES_PREFIX = np.array(["hey meta, look at this. ", "look and tell me: ",
                            "hey meta, what am I looking at? ", ""], dtype=object)


def _as_spoken(texts: np.ndarray, modality: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Voice chats arrive as transcripts (lower case, no punctuation at the end); chats about
    a photo or video from the glasses start by pointing at it."""
    spoken = np.flatnonzero(modality != _TEXT)
    if spoken.size == 0:
        return texts
    words = np.strings.lower(texts[spoken].astype(np.dtypes.StringDType()))
    words = np.strings.rstrip(words, "?.!")
    seen = np.isin(modality[spoken], (_IMAGE, _VIDEO))
    prefix = np.where(seen, _GLASSES_PREFIX[rng.integers(0, len(_GLASSES_PREFIX), spoken.size)],
                      "")
    out = texts.copy()
    out[spoken] = prefix.astype(object) + words.astype(object)
    return out


def _apply_chat_signal(imp_topic: np.ndarray, iu: np.ndarray, imp_ts: np.ndarray,
                       imp_app: np.ndarray, target_w: np.ndarray, people: _People,
                       chats: _Events, params: SimParams, rng: np.random.Generator) -> None:
    """Redraw post-policy impressions of eligible people with their AI chats added (in place).

    A chat counts for an impression when it is after the policy start and before the
    impression, on a topic outside Meta's sensitive list, and in the impression's app or in
    an app linked with it; its weight halves every `chat_boost_half_life_days`.
    """
    excluded, linked = people.excluded, people.linked
    cu, chat_ts, chat_app, chat_topic = chats.user, chats.ts, chats.app, chats.topic
    policy_ms = _ms(schema.POLICY_START)
    # A chat with no ad topic (code -1) shapes nothing.
    chat_ok = (chat_ts >= policy_ms) & ~excluded[cu] & (chat_topic >= 0) & ~_META7[chat_topic]
    imp_ok = (imp_ts >= policy_ms) & ~excluded[iu]
    imps = np.flatnonzero(imp_ok)
    chats = np.flatnonzero(chat_ok)
    if imps.size == 0 or chats.size == 0:
        return
    # Pair every eligible impression with every eligible chat of the same person.
    chats = chats[np.argsort(cu[chats], kind="stable")]
    n_users = len(excluded)
    first = np.searchsorted(cu[chats], np.arange(n_users))
    count = np.bincount(cu[chats], minlength=n_users)
    per_imp = count[iu[imps]]
    imps = imps[per_imp > 0]
    per_imp = per_imp[per_imp > 0]
    if imps.size == 0:
        return
    pair_imp = np.repeat(imps, per_imp)
    offsets = np.arange(pair_imp.size) - np.repeat(np.cumsum(per_imp) - per_imp, per_imp)
    pair_chat = chats[np.repeat(first[iu[imps]], per_imp) + offsets]
    a, b = chat_app[pair_chat], imp_app[pair_imp]
    same_account = (a == b) | (linked[cu[pair_chat], a] & linked[iu[pair_imp], b])
    age_days = (imp_ts[pair_imp] - chat_ts[pair_chat]) / _DAY_MS
    ok = same_account & (age_days > 0)
    if not ok.any():
        return
    weight = params.chat_boost * 0.5 ** (age_days[ok] / params.chat_boost_half_life_days)
    local = np.searchsorted(imps, pair_imp[ok])
    boost = np.zeros((imps.size, N_TOPICS))
    np.add.at(boost, (local, chat_topic[pair_chat[ok]]), weight)
    touched = boost.sum(axis=1) > 0
    rows = imps[touched]
    w = target_w[iu[rows]] + boost[touched]
    imp_topic[rows] = _sample_weights(w, rng)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _ms(day: dt.date) -> int:
    return int(pd.Timestamp(day, tz="UTC").value // 1_000_000)


# Taste archetypes (fixed): each lifts a handful of related everyday topics.
_ARCHETYPE_TOPICS: tuple[tuple[str, ...], ...] = (
    ("hiking", "camping", "photography", "travel", "cycling"),
    ("running", "fitness", "cycling", "sports", "tech"),
    ("cooking", "coffee", "wine", "home_garden", "gardening"),
    ("gaming", "tech", "movies", "music"),
    ("fashion", "beauty", "travel", "music"),
    ("parenting", "home_garden", "cooking", "personal_finance", "pets"),
    ("cars", "sports", "tech", "personal_finance"),
    ("books", "movies", "coffee", "photography", "music"),
    ("pets", "gardening", "hiking", "books"),
    ("travel", "wine", "photography", "fashion", "coffee"),
)
_ARCHETYPES = np.zeros((len(_ARCHETYPE_TOPICS), N_EVERYDAY))
for _i, _topics in enumerate(_ARCHETYPE_TOPICS):
    for _rank, _t in enumerate(_topics):
        _ARCHETYPES[_i, schema.EVERYDAY_TOPICS.index(_t)] = 2.6 - 0.25 * _rank
# Older people lean to gardening/wine/home, younger to gaming/fashion/fitness (logit per band).
_AGE_TILT = np.zeros(N_EVERYDAY)
for _t, _v in {"gaming": -0.35, "fashion": -0.2, "fitness": -0.15, "beauty": -0.1,
               "gardening": 0.3, "wine": 0.15, "home_garden": 0.15, "books": 0.1,
               "personal_finance": 0.1, "parenting": -0.05}.items():
    _AGE_TILT[schema.EVERYDAY_TOPICS.index(_t)] = _v
# Mean logit of sensitive interests: low for most people; health is the most common.
_SENSITIVE_MEAN = np.array([
    {"religion": -3.2, "sexual_orientation": -3.8, "politics": -3.0, "health": -1.6,
     "ethnicity": -3.8, "philosophy": -3.4, "trade_union": -4.0, "genetics": -4.2,
     "biometrics": -4.4, "sex_life": -4.2}[t] for t in schema.SENSITIVE_GDPR9])


# --- assembling tables -------------------------------------------------------------------------
_TOPICS_OR_EMPTY = pa.array(list(schema.ALL_TOPICS) + [""], pa.string())
_APPS_OR_EMPTY = pa.array(list(schema.APPS) + [""], pa.string())
_KINDS = pa.array(list(schema.EVENT_TYPES), pa.string())
_MODALITIES_OR_EMPTY = pa.array(list(schema.MODALITIES) + [""], pa.string())
_AD_IDS_OR_EMPTY = pa.array(list(_AD_IDS) + [""], pa.string())
_ADVERTISERS_OR_EMPTY = pa.array(list(_AD_ADVERTISER) + [""], pa.string())
_TS_TYPE = pa.timestamp("us", tz="UTC")


def _take(dictionary: pa.Array, codes: np.ndarray) -> pa.Array:
    """Strings by code, where code -1 means the empty string (the dictionary's last entry)."""
    return dictionary.take(pa.array(np.where(codes < 0, len(dictionary) - 1, codes)))


_CAUSES = pa.array(list(TRUTH_CAUSES), pa.string())
_TRUTH_TOPICS = pa.array(list(schema.ALL_TOPICS) + [schema.NO_AD_TOPIC], pa.string())
_LANGUAGES_OR_EMPTY = pa.array(list(schema.CHAT_LANGUAGES) + [""], pa.string())


def _event_ids(numbers: np.ndarray) -> pa.Array:
    """'e' and the number, zero-padded to nine digits ('e000000042')."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if numbers.size and (numbers.min() < 0 or numbers.max() >= 10**9):
        text = pa.array(numbers).cast(pa.string())
        return pc.binary_join_element_wise("e", pc.utf8_lpad(text, 9, "0"), "")
    # Ten bytes per id, written digit by digit into one buffer: no Python string per id.
    chars = np.empty((numbers.size, 10), np.uint8)
    chars[:, 0] = ord("e")
    rest = numbers.copy()
    for place in range(9, 0, -1):
        rest, digit = np.divmod(rest, 10)
        chars[:, place] = digit + ord("0")
    offsets = np.arange(0, 10 * numbers.size + 1, 10, dtype=np.int32)
    return pa.StringArray.from_buffers(numbers.size, pa.py_buffer(offsets),
                                       pa.py_buffer(chars.tobytes()))


def _numbered(table: pa.Table, truth: pa.Table, first_event: int) -> tuple[pa.Table, pa.Table]:
    """`_unnumbered_events`' tables with their event ids: the block's rows numbered on from
    first_event. Cheap, so that blocks made apart (in other processes) are numbered in order
    by the one process that writes them."""
    ids = _event_ids(np.arange(first_event + 1, first_event + table.num_rows + 1))
    table = table.add_column(0, "event_id", ids)
    if truth.num_rows == 0:
        return table, _empty_truth()
    row = truth.column("row").to_numpy()
    source = truth.column("source_row").to_numpy()
    named = pa.table({
        "event_id": ids.take(pa.array(row)),
        **{name: truth.column(name) for name in ("event_type", "cause")},
        "source_event_id": _take(pa.concat_arrays([ids, pa.array([""], pa.string())]),
                                 source),
        **{name: truth.column(name) for name in ("true_topic", "language")},
    })
    return table, named


def _unnumbered_events(events: list[_Events], uid: pa.Array) -> tuple[pa.Table, pa.Table]:
    """A block's events sorted by person then time, and the truth table of the events that
    have a cause (in event order), without event ids: the truth names events by row (`row`,
    `source_row`, -1 for none) until `_numbered` names them."""
    def column(name: str, empty: float | int) -> np.ndarray:
        return np.concatenate([
            getattr(ev, name) if getattr(ev, name) is not None
            else np.full(ev.user.size, empty) for ev in events])

    user = column("user", 0)
    ts = column("ts", 0).astype(np.int64)
    kind = np.concatenate([np.full(ev.user.size, schema.EVENT_TYPES.index(ev.kind))
                           for ev in events])
    topic = np.concatenate([ev.topic if (ev.topic is not None and ev.keep_topic)
                            else np.full(ev.user.size, -1) for ev in events])
    # Texts are numbered in event order; -1 marks events without text.
    texts = [ev.text for ev in events if ev.text is not None]
    n_text = np.cumsum([0] + [t.size for t in texts])
    text_code, k = [], 0
    for ev in events:
        if ev.text is not None:
            text_code.append(np.arange(n_text[k], n_text[k + 1]))
            k += 1
        else:
            text_code.append(np.full(ev.user.size, -1))
    text_dict = pa.array(np.concatenate(texts + [np.array([""], dtype=object)]), pa.string())
    # One int64 key (person, time since window start, kind) sorts faster than a lexsort.
    rel = ts - ts.min() if ts.size else ts
    order = np.argsort((user.astype(np.int64) << 40) | (rel << 5) | kind, kind="stable")
    n = order.size
    table = pa.table({
        "user_id": uid.take(pa.array(user[order])),
        "ts": pa.array(ts[order] * 1000, pa.int64()).cast(_TS_TYPE),
        "app": _take(_APPS_OR_EMPTY, column("app", -1)[order]),
        "event_type": _KINDS.take(pa.array(kind[order])),
        "topic": _take(_TOPICS_OR_EMPTY, topic[order]),
        "text": _take(text_dict, np.concatenate(text_code)[order]),
        "modality": _take(_MODALITIES_OR_EMPTY, column("modality", -1)[order]),
        "ad_id": _take(_AD_IDS_OR_EMPTY, column("ad", -1)[order]),
        "dwell_ms": pa.array(column("dwell", np.nan)[order].astype(np.float64)),
        "advertiser": _take(_ADVERTISERS_OR_EMPTY, column("advertiser", -1)[order]),
        "true_topic": _take(_TOPICS_OR_EMPTY, column("true_topic", -1)[order]),
    })
    # Where each unsorted row ended up, to name events and their sources by row.
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    starts = dict(zip(map(id, events), np.cumsum([0] + [ev.user.size for ev in events]),
                      strict=False))
    rows, cause, source, true_topic, language = [], [], [], [], []
    for ev in events:
        if ev.cause is None:
            continue
        rows.append(starts[id(ev)] + np.arange(ev.user.size))
        cause.append(ev.cause)
        src = ev.source if ev.source is not None else np.full(ev.user.size, -1)
        at = starts[id(ev.source_of)] if ev.source_of is not None else 0
        source.append(np.where(src >= 0, at + src, -1))
        true_topic.append(ev.true_topic if ev.true_topic is not None else ev.topic)
        language.append(ev.language if ev.language is not None
                        else np.zeros(ev.user.size, np.int64) if ev.kind != "ad_impression"
                        else np.full(ev.user.size, -1))
    if not rows:
        return table, _empty_truth()
    pos = position[np.concatenate(rows)]
    by_id = np.argsort(pos, kind="stable")
    src = np.concatenate(source)[by_id]
    src_pos = np.where(src >= 0, position[np.maximum(src, 0)], -1)
    truth_topic = np.concatenate(true_topic)[by_id]
    truth = pa.table({
        "row": pa.array(pos[by_id]),
        "event_type": _KINDS.take(pa.array(kind[np.concatenate(rows)[by_id]])),
        "cause": _CAUSES.take(pa.array(np.concatenate(cause)[by_id].astype(np.int64))),
        "source_row": pa.array(src_pos),
        # -1 is a chat with no ad topic.
        "true_topic": _TRUTH_TOPICS.take(pa.array(np.where(truth_topic < 0,
                                                           len(_TRUTH_TOPICS) - 1,
                                                           truth_topic))),
        "language": _take(_LANGUAGES_OR_EMPTY, np.concatenate(language)[by_id]),
    })
    return table, truth


def _empty_truth() -> pa.Table:
    return pa.table({name: pa.array([], pa.string()) for name in TRUTH_COLUMNS})


def _window(start: str | dt.date, end: str | dt.date) -> _Window:
    s, e = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    if e < s:
        raise ValueError(f"end {e} is before start {s}")
    return _Window(_ms(s), (e - s).days + 1)


def _made_block(seed: int, b: int, n_users: int, window: _Window, params: SimParams
                ) -> dict[str, pa.Table]:
    """Block b of the population, its events not yet numbered (`_numbered` does that): all a
    block needs is the seed and its number, so blocks can be made in any process."""
    first = b * BLOCK_USERS
    n = min(BLOCK_USERS, n_users - first)
    users, interests, events = _block(first, n, _streams(seed, b), window, params,
                                      max(6, len(str(n_users))))
    table, truth = _unnumbered_events(events, users.column("user_id"))
    interests = pa.table({"user_id": users.column("user_id"), **{
        t: pa.array(np.round(interests[:, j], 4)) for j, t in enumerate(schema.ALL_TOPICS)}})
    return {"users": users, "interests": interests, "events": table, "truth": truth}


def _blocks(n_users: int, seed: int, start: str | dt.date, end: str | dt.date,
            params: SimParams, client=None) -> Iterator[dict[str, pa.Table]]:
    """Yield {'users', 'interests', 'events', 'truth'} per fixed block of people, in order.
    With a dask.distributed `client`, the blocks are made on its workers (a few at a time)
    and numbered here: the same tables."""
    if n_users < 1:
        raise ValueError(f"the number of people must be at least 1, not {n_users}")
    window = _window(start, end)
    n_blocks = -(-n_users // BLOCK_USERS)
    if client is None:
        made = (_made_block(seed, b, n_users, window, params) for b in range(n_blocks))
    else:
        from adlens.blocks import in_order_on_dask

        made = in_order_on_dask(client, _made_block, [
            (seed, b, n_users, window, params) for b in range(n_blocks)], "adlens-generate")
    first_event = 0
    for parts in made:
        table, truth = _numbered(parts["events"], parts["truth"], first_event)
        first_event += table.num_rows
        yield {"users": parts["users"], "interests": parts["interests"], "events": table,
               "truth": truth}


def generate_frames(
    n_users: int,
    seed: int,
    start: str | dt.date = "2025-11-01",
    end: str | dt.date = "2026-01-31",
    progress: Progress | None = None,
    params: SimParams | None = None,
) -> dict[str, pd.DataFrame]:
    """A population in memory: {'users', 'ads', 'events', 'interests', 'truth'}; same args,
    same frames. `population_meta` describes it (what `generate_to_dir` writes as
    dataset.json)."""
    params = params or SimParams()
    parts: dict[str, list[pa.Table]] = {"users": [], "interests": [], "events": [], "truth": []}
    n_blocks = max(1, -(-n_users // BLOCK_USERS))
    for i, tables in enumerate(_blocks(n_users, seed, start, end, params)):
        for name, table in tables.items():
            parts[name].append(table)
        if progress:
            progress((i + 1) / n_blocks, f"{min((i + 1) * BLOCK_USERS, n_users):,} people")
    frames = {k: pa.concat_tables(v).to_pandas() for k, v in parts.items()}
    frames["ads"] = _ADS.copy()
    return {k: frames[k] for k in TABLES}


TABLES: tuple[str, ...] = ("users", "ads", "events", "interests", "truth")


def _listening_words(rate: float) -> str:
    return (f"Listening counterfactual: every conversation triggers on average {rate:g} extra "
            "ads on its topic in the following hours")


def counterfactual(params: SimParams) -> list[str]:
    """How a world departs from the default one, in plain words (empty: the default world)."""
    out = []
    if params.listening_rate > 0:
        out.append(_listening_words(params.listening_rate))
    if params.chat_boost == 0:
        out.append("No chat targeting: the platform never uses AI chats to choose ads")
    if params.priming_rate == 0:
        out.append("No priming: ads seen never lead to a conversation")
    if params.chat_mode == "likes":
        out.append("AI chats carry no information beyond likes")
    return out


def population_meta(n_users: int, seed: int, start: str | dt.date = "2025-11-01",
                    end: str | dt.date = "2026-01-31", params: SimParams | None = None
                    ) -> dict:
    """The description of a generated world (JSON-ready), written beside its tables as
    dataset.json and loaded into `Dataset.meta`."""
    params = params or SimParams()
    window = _window(start, end)
    return {
        "generator": "adlens.simulate",
        "n_users": int(n_users),
        "seed": int(seed),
        "start": str(pd.Timestamp(start).date()),
        "end": str(pd.Timestamp(end).date()),
        "days": window.days,
        "preset": params.preset,
        # The data keeps 1 in `impression_thinning` of the real impressions (with their
        # clicks); multiply counts of impressions and clicks by it to read them at scale.
        "impression_thinning": int(params.impression_thinning),
        "impressions_per_day": float(params.impressions_per_day),
        "listening_rate": float(params.listening_rate),
        "chat_mode": params.chat_mode,
        "chat_boost": float(params.chat_boost),
        "priming_rate": float(params.priming_rate),
        "counterfactual": counterfactual(params),
        "params": {k: (list(v) if isinstance(v, tuple) else v)
                   for k, v in dataclasses.asdict(params).items()},
    }


def generate_at_thinning(n_users: int, seed: int, impression_thinning: int,
                         params: SimParams | None = None, **kwargs: object
                         ) -> dict[str, pd.DataFrame]:
    """The same world as `generate_frames(n_users, seed, params=params, ...)` recorded at
    another impression thinning: the same people, chats, likes and conversations (primed
    ones included), with 1 in `impression_thinning` of the same real impressions."""
    params = dataclasses.replace(params or SimParams(),
                                 impression_thinning=impression_thinning)
    return generate_frames(n_users, seed, params=params, **kwargs)


def generate_to_dir(
    n_users: int,
    seed: int,
    out: str | Path,
    start: str | dt.date = "2025-11-01",
    end: str | dt.date = "2026-01-31",
    fmt: str = "parquet",
    chunk_users: int = 50_000,
    progress: Progress | None = None,
    params: SimParams | None = None,
    client=None,
) -> dict[str, int]:
    """Stream a population to `out` (NAME.parquet or NAME.csv for users, ads, events,
    interests and truth, plus dataset.json = `population_meta`); returns row counts per table.

    `chunk_users` is rounded up to a multiple of BLOCK_USERS; it only changes memory use and
    row-group size, never the data. With a dask.distributed `client` (`blocks.dask_client`)
    the blocks are made on its workers and written here in order: the same files.
    """
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format must be parquet or csv, not {fmt!r}")
    params = params or SimParams()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    per_chunk = max(1, -(-chunk_users // BLOCK_USERS))
    n_blocks = max(1, -(-n_users // BLOCK_USERS))
    names = ("users", "events", "interests", "truth")
    writers = {name: _TableWriter(out / f"{name}.{fmt}", fmt) for name in names}
    counts = dict.fromkeys(names, 0)
    pending: dict[str, list[pa.Table]] = {k: [] for k in names}
    try:
        for i, tables in enumerate(_blocks(n_users, seed, start, end, params, client)):
            for name, table in tables.items():
                pending[name].append(table)
            if (i + 1) % per_chunk == 0 or i + 1 == n_blocks:
                for name, waiting in pending.items():
                    chunk = pa.concat_tables(waiting)
                    writers[name].write(chunk)
                    counts[name] += chunk.num_rows
                    waiting.clear()
            if progress:
                progress((i + 1) / n_blocks,
                         f"{min((i + 1) * BLOCK_USERS, n_users):,} of {n_users:,} people")
    finally:
        for w in writers.values():
            w.close()
    ads = pa.Table.from_pandas(_ADS, preserve_index=False)
    ads_writer = _TableWriter(out / f"ads.{fmt}", fmt)
    ads_writer.write(ads)
    ads_writer.close()
    counts["ads"] = ads.num_rows
    meta = population_meta(n_users, seed, start, end, params)
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    return counts


# Events: dictionary-encode only the low-cardinality columns and keep statistics only where
# readers filter; this halves the writing time at the same file size.
_PARQUET_OPTIONS: dict[str, dict] = {"events": {
    "use_dictionary": ["user_id", "app", "event_type", "topic", "modality", "ad_id",
                       "advertiser", "true_topic"],
    "write_statistics": ["user_id", "ts", "event_type"],
}}


class _TableWriter:
    """Appends Arrow tables to one Parquet (zstd) or CSV file."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path, self.fmt = path, fmt
        self._writer: pq.ParquetWriter | pa_csv.CSVWriter | None = None

    def write(self, table: pa.Table) -> None:
        if self.fmt == "csv":
            # CSV has no NaN: an absent dwell time is an empty cell.
            table = pa.table({
                name: (pc.if_else(pc.is_nan(col), pa.scalar(None, col.type), col)
                       if pa.types.is_floating(col.type) else col)
                for name, col in zip(table.column_names, table.columns, strict=True)})
            if self._writer is None:
                self._writer = pa_csv.CSVWriter(self.path, table.schema)
        elif self._writer is None:
            self._writer = pq.ParquetWriter(self.path, table.schema, compression="zstd",
                                            **_PARQUET_OPTIONS.get(self.path.stem, {}))
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


# --- CLI ---------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    from adlens.cli_engine import add_cluster_arguments

    parser.add_argument("--users", type=int, required=True, help="number of people")
    parser.add_argument("--seed", type=int, required=True, help="random seed")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--start", default="2025-11-01", help="first day (YYYY-MM-DD)")
    parser.add_argument("--end", default="2026-01-31", help="last day, inclusive")
    parser.add_argument("--format", default="parquet", choices=("parquet", "csv"))
    parser.add_argument("--chunk-users", type=int, default=50_000,
                        help=f"people per written chunk (multiple of {BLOCK_USERS:,})")
    parser.add_argument("--preset", default=calibration.DEFAULT_PRESET,
                        choices=tuple(calibration.PRESETS),
                        help="calibration preset (default: %(default)s; see docs/CALIBRATION.md)")
    parser.add_argument("--impression-thinning", type=int, default=None, metavar="N",
                        help="keep 1 in N of the real ad impressions, with their clicks "
                             "(default: the preset's, "
                             f"{int(calibration.IMPRESSION_THINNING.value)})")
    parser.add_argument("--listening-rate", type=float, default=0.0, metavar="R",
                        help="counterfactual: each conversation triggers on average R extra "
                             "ads on its topic in the following hours (default 0: no listening)")
    add_cluster_arguments(parser, "make the blocks of people",
                          "; the files are the same (default: in this process)")


def run(args: argparse.Namespace) -> int:
    if args.users < 1:
        print("--users must be at least 1", file=sys.stderr)
        return 2
    try:
        overrides: dict[str, object] = {"listening_rate": args.listening_rate}
        if args.impression_thinning is not None:
            overrides["impression_thinning"] = args.impression_thinning
        params = calibration.preset_params(args.preset, **overrides)
    except ValueError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    began = time.perf_counter()

    def report(fraction: float, message: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f}s] {fraction:6.1%} {message}",
              file=sys.stderr, flush=True)

    from adlens.cli_engine import cluster_client

    client = None
    try:
        client = cluster_client(args)
        counts = generate_to_dir(args.users, args.seed, args.out, args.start, args.end,
                                 args.format, args.chunk_users, report, params, client)
    except (ValueError, OSError) as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    finally:
        if client is not None:
            from adlens import blocks

            blocks.close_client(client)
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items())
          + f" in {time.perf_counter() - began:.1f}s", file=sys.stderr)
    return 0
