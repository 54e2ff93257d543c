"""The in-memory form of a dataset (users, ads, events, optional simulation truth and metadata).

Loading and validation live in `adlens.contract`; this module only defines the container.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

# Why a simulated AI chat, conversation or listening-triggered ad happened (truth.cause):
# - primed_by_ad: an earlier ad impression primed it (source_event_id: that impression, or
#   empty when the impression is not in the data, e.g. thinned out);
# - intent: asked or talked about during an intent episode (about to do or buy something);
# - interest: the person's lasting interests, no particular trigger;
# - after_conversation: an AI chat following up a conversation (source: the conversation);
# - listening: an ad triggered by a conversation in a listening counterfactual (source: the
#   conversation).
TRUTH_CAUSES: tuple[str, ...] = ("primed_by_ad", "intent", "interest", "after_conversation",
                                 "listening")
TRUTH_COLUMNS: tuple[str, ...] = ("event_id", "event_type", "cause", "source_event_id",
                                  "true_topic", "language")


@dataclass(frozen=True, eq=False)
class Dataset:
    """A validated dataset, normalised as `adlens.contract.load_dataset` returns it.

    Normalised form (what every consumer may rely on):
    - users: user_id (str), country (str, upper case), age_band (str), uses_meta_ai (bool),
      linked_apps (str, '|'-separated, may be ''), plus any extra columns.
    - ads: ad_id, advertiser, topic, title (str), plus extras.
    - events: event_id (str), user_id (str), ts (tz-aware UTC datetime), app, event_type,
      topic, text, modality, ad_id (str, '' where absent), dwell_ms (float, NaN where absent),
      plus extras (the generator adds `advertiser` and `true_topic`).
    - interests: None, or user_id plus one float column per topic (the simulation's truth).
    - truth: None, or one row per simulated ai_chat, conversation and listening-triggered
      ad_impression, `TRUTH_COLUMNS` (str; source_event_id and language may be ''): why the
      event happened (`TRUTH_CAUSES`), its true topic (a topic id, or 'no_ad_topic' for a chat
      with no ad topic) and its language (a code of schema.CHAT_LANGUAGES; '' for ads).
      Uploaded data has none.
    - meta: None, or the generator's description of the world (`dataset.json`, written by
      `adlens.simulate`): n_users, seed, preset, impression_thinning, listening_rate, ...;
      `meta["counterfactual"]` lists, in words, how the world departs from the announced
      policy (empty for the announced world).
    - dataset_id: a short content hash; the key every cache uses.
    - source: a plain-words description ("Bundled sample", "Uploaded: users.csv, ...").
    """

    users: pd.DataFrame
    ads: pd.DataFrame
    events: pd.DataFrame
    dataset_id: str
    source: str
    interests: pd.DataFrame | None = None
    truth: pd.DataFrame | None = None
    meta: dict[str, Any] | None = None

    @property
    def n_users(self) -> int:
        return len(self.users)

    @property
    def n_events(self) -> int:
        return len(self.events)
