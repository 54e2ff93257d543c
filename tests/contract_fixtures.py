"""Small valid datasets built in code, for the data-contract tests.

`valid_frames()` gives all-text tables as an analyst's CSV would hold them; helpers write them out.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from adlens import schema


def valid_frames(n_users: int = 6, n_repeat: int = 1) -> dict[str, pd.DataFrame]:
    """users, ads, events covering every event type; every cell is text (as in a CSV)."""
    users = pd.DataFrame({
        "user_id": [f"u{i}" for i in range(n_users)],
        "country": ["US", "de", "GB", "KR", "fr", "BR"][:n_users] * (n_users // 6 or 1),
        "age_band": list(schema.AGE_BANDS)[:n_users] * (n_users // 6 or 1),
        "uses_meta_ai": ["true", "False", "1", "0", "yes", "NO"][:n_users] * (n_users // 6 or 1),
        "linked_apps": ["facebook|instagram", "", "whatsapp", "facebook|messenger|meta_ai",
                        "instagram", "glasses|facebook"][:n_users] * (n_users // 6 or 1),
        "segment": ["a", "b", "c", "d", "e", "f"][:n_users] * (n_users // 6 or 1),
    }, dtype="str")
    ads = pd.DataFrame({
        "ad_id": ["a1", "a2", "a3"],
        "advertiser": ["TrailCo", "BeanHouse", "=HYPERLINK(\"http://x\",\"Go\")"],
        "topic": ["hiking", "coffee", "travel"],
        "title": ["Boots for every trail", "-20% on espresso", "@weekend breaks"],
    }, dtype="str")
    rows = [
        # event_type, app, topic, text, modality, ad_id, dwell_ms, advertiser
        ("ai_chat", "meta_ai", "", "best boots for a rainy hike?", "text", "", "", ""),
        ("ai_chat", "whatsapp", "cooking", "", "voice", "", "", ""),
        ("like", "facebook", "hiking", "", "", "", "", ""),
        ("follow", "instagram", "coffee", "", "", "", "", ""),
        ("post", "instagram", "travel", "+1 for Lisbon", "image", "", "", ""),
        ("watch", "facebook", "running", "", "video", "", "1500", ""),
        ("friend_like", "facebook", "pets", "", "", "", "", ""),
        ("site_visit", "", "hiking", "", "", "", "", "TrailCo"),
        ("site_visit", "", "coffee", "visited beanhouse.example", "", "", "", ""),
        ("ad_impression", "instagram", "", "", "", "a1", "240.5", ""),
        ("ad_click", "facebook", "", "", "", "a2", "", ""),
        ("conversation", "", "travel", "", "", "", "", ""),
        ("conversation", "", "", "=HYPERLINK(\"http://evil\",\"click\")", "voice", "", "", ""),
    ]
    rows = rows * n_repeat
    events = pd.DataFrame(rows, columns=["event_type", "app", "topic", "text", "modality",
                                         "ad_id", "dwell_ms", "advertiser"], dtype="str")
    n = len(events)
    events.insert(0, "event_id", [f"e{i}" for i in range(n)])
    events.insert(1, "user_id", [f"u{i % n_users}" for i in range(n)])
    stamps = pd.date_range("2025-12-10", periods=n, freq="7h", tz="UTC")
    ts = stamps.strftime("%Y-%m-%dT%H:%M:%SZ").to_series(index=range(n))
    ts.iloc[0] = "2025-12-10T09:00:00+02:00"  # an explicit zone
    if n > 1:
        ts.iloc[1] = "2025-12-10 08:00:00"  # no zone: UTC assumed
    events.insert(2, "ts", ts.astype("str").to_numpy())
    return {"users": users, "ads": ads, "events": events}


def to_bytes(frames: dict[str, pd.DataFrame], fmt: str = "csv") -> dict[str, bytes]:
    """{"users.csv": b"...", ...} as an upload would deliver them."""
    out = {}
    for name, frame in frames.items():
        if fmt == "csv":
            # CRLF line ends (RFC 4180, as spreadsheets write) make pandas quote cells holding
            # a bare CR, which would otherwise read as a line break.
            out[f"{name}.csv"] = frame.to_csv(index=False, lineterminator="\r\n").encode()
        else:
            buffer = io.BytesIO()
            frame.to_parquet(buffer, index=False)
            out[f"{name}.parquet"] = buffer.getvalue()
    return out


def write_dataset(frames: dict[str, pd.DataFrame], folder: Path, fmt: str = "csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in to_bytes(frames, fmt).items():
        (folder / name).write_bytes(data)
    return folder


def typed_frames() -> dict[str, pd.DataFrame]:
    """The same dataset with real types, as a generator writing Parquet would hold it."""
    frames = valid_frames()
    users = frames["users"].copy()
    users["uses_meta_ai"] = users["uses_meta_ai"].str.lower().isin(["true", "1", "yes"])
    events = frames["events"].copy()
    events["ts"] = pd.to_datetime(events["ts"], format="ISO8601", utc=True)
    events["dwell_ms"] = pd.to_numeric(events["dwell_ms"].replace("", None)).astype("float64")
    return {"users": users, "ads": frames["ads"], "events": events}
