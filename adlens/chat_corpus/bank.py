"""The written message bank: whole messages written one by one for training (not templates),
read from the sittings in `bank/`, each a file in one language and one voice.

A sitting file starts with `# language: <code>` and a comment naming its voice; `[label]`
opens a section of messages with that true label (a topic id or `no_ad_topic`), `[~label]` a
section of look-alikes (a sensitive-sounding word in another sense, never labelled sensitive);
then one message per line. Blank lines and lines starting with `#` are skipped.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from adlens import schema

FOLDER = Path(__file__).with_name("bank")
COLUMNS = ["text", "topic", "language", "kind", "sitting"]
KINDS = ("everyday", "sensitive", "no_topic", "hard_negative")


def files() -> list[Path]:
    """The sitting files, in a stable order."""
    return sorted(FOLDER.glob("*.txt"))


def _kind(label: str, lookalike: bool) -> str:
    if lookalike:
        return "hard_negative"
    if label == schema.NO_AD_TOPIC:
        return "no_topic"
    return "sensitive" if label in schema.SENSITIVE_GDPR9 else "everyday"


def parse_sitting(text: str, sitting: str) -> pd.DataFrame:
    """One sitting file's messages (columns `COLUMNS`); raises ValueError on a file that
    breaks the format (no language, an unknown label, a look-alike labelled sensitive, a
    message before any section)."""
    language, label, lookalike = None, None, False
    rows: list[tuple[str, str, str, str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            key, _, value = line.lstrip("# ").partition(":")
            if key.strip() == "language":
                language = value.strip()
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            lookalike = name.startswith("~")
            label = name.lstrip("~")
            if label not in (*schema.ALL_TOPICS, schema.NO_AD_TOPIC):
                raise ValueError(f"{sitting}:{number}: unknown label {label!r}")
            if lookalike and label in schema.SENSITIVE_GDPR9:
                raise ValueError(f"{sitting}:{number}: a look-alike is never sensitive ({label})")
            continue
        if language not in schema.CHAT_LANGUAGES:
            raise ValueError(f"{sitting}:{number}: no '# language:' line of "
                             f"{schema.CHAT_LANGUAGES} before the first message")
        if label is None:
            raise ValueError(f"{sitting}:{number}: a message before any [label] section")
        rows.append((" ".join(line.split()), label, language, _kind(label, lookalike), sitting))
    return pd.DataFrame(rows, columns=COLUMNS)


@functools.lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    frames = [parse_sitting(p.read_text(encoding="utf-8"), p.stem) for p in files()]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def load_bank() -> pd.DataFrame:
    """Every written message with its label, language, kind and sitting (a fresh copy)."""
    return _load().copy()
