"""The in-memory form of a dataset (users, ads, events, optional true interests).

Loading and validation live in `adlens.contract`; this module only defines the container.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


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
    - dataset_id: a short content hash; the key every cache uses.
    - source: a plain-words description ("Bundled sample", "Uploaded: users.csv, ...").
    """

    users: pd.DataFrame
    ads: pd.DataFrame
    events: pd.DataFrame
    dataset_id: str
    source: str
    interests: pd.DataFrame | None = None

    @property
    def n_users(self) -> int:
        return len(self.users)

    @property
    def n_events(self) -> int:
        return len(self.events)
