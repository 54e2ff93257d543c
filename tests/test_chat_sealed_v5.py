"""The fifth sealed chat test set (tests/data/chat_sealed_v5.csv): written by a new author apart
from every text the chat model was or may be built from, for the next model to be judged on.

The fourth sealed set has been read for models v13 and v15, so it is no longer blind. This set
follows the earlier sets' brief and rules (schema, coverage, copy checks), imported from
tests/test_chat_sealed_v2.py and tests/test_chat_sealed_v4.py rather than repeated, with the
fourth set's structure (14 messages per everyday topic, 30 per topic of Meta's list) plus a
block of 120 consumer health questions (60 English, 20 in each other language), so that health
has 150 messages. docs/ARCHITECTURE.md, "The fifth sealed set", says how it was written and
labelled.

Read for models v13 and v15 under the confirmatory rule for v15 (docs/ARCHITECTURE.md, "Model
v15 again"), which adopted v15: the product's v15 is guarded at its measured level below; the
engine, the Method page and the bench read the file through `engine.SEALED_V5_CSV`, and no model
code names it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from adlens import engine, schema
from adlens import text_model as tm
from tests import helpers
from tests import sealed_guards as guards
from tests import test_chat_sealed_v4 as v4
from tests.test_chat_sealed_v2 import (
    V2_MINIMUMS,
    bare,
    coverage_problems,
    read_set,
)
from tests.test_chat_sealed_v4 import near_copies
from tests.test_chat_validation_set import LANGUAGES, problems

ROOT = Path(__file__).resolve().parents[1]
SEALED_V5 = ROOT / "tests" / "data" / "chat_sealed_v5.csv"
assert engine.SEALED_V5_CSV == SEALED_V5
FILE_NAMES = ("chat_sealed_v5", "sealed_v5")

# The set's structure, fixed before it was written: the fourth set's (v4.EVERYDAY_PER_LANGUAGE,
# v4.META7_PER_LANGUAGE, the rest of GDPR Art. 9 a few each, at least 110 no-topic rows and 100
# look-alikes) plus a block of consumer health questions, so health alone has more rows.
HEALTH_BLOCK = {"en": 60, "es": 20, "pt": 20, "hi-en": 20}
HEALTH_PER_LANGUAGE = {lang: v4.META7_PER_LANGUAGE[lang] + HEALTH_BLOCK[lang]
                       for lang in HEALTH_BLOCK}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    assert SEALED_V5.exists(), f"the fifth sealed set is missing: {SEALED_V5}"
    return read_set(SEALED_V5)


@pytest.fixture(scope="module")
def sealed_v5() -> tm.LabelledTexts:
    labelled = tm.handwritten_set(SEALED_V5)
    assert labelled is not None
    return labelled


# --- schema and coverage --------------------------------------------------------------------
def structure_problems(df: pd.DataFrame) -> list[str]:
    """Where the set departs from its fixed structure (empty when it keeps it): the fourth
    set's checks for everything but health, and health's rows per language (Meta's list's
    share plus the health block's)."""
    health = (df["kind"] == "sensitive") & (df["topic"] == "health")
    out = [p for p in v4.structure_problems(df[~health])
           if not p.startswith("sensitive health in ")]
    by_language = df[health]["language"].value_counts()
    for lang, need in HEALTH_PER_LANGUAGE.items():
        n = int(by_language.get(lang, 0))
        if n != need:
            out.append(f"sensitive health in {lang}: {n} rows, expected {need} "
                       f"({v4.META7_PER_LANGUAGE[lang]} + {HEALTH_BLOCK[lang]})")
    return out


def test_set_meets_the_shared_schema_and_coverage(frame):
    assert problems(frame, V2_MINIMUMS) == []


def test_set_meets_the_second_sets_coverage(frame):
    assert coverage_problems(frame) == []
    assert set(frame["topic"]) >= set(schema.ALL_TOPICS) | {schema.NO_AD_TOPIC}


def test_set_keeps_its_structure(frame):
    assert structure_problems(frame) == []
    assert len(frame) == 889
    counts = pd.crosstab(frame["kind"], frame["language"])
    assert counts.loc["everyday"].to_dict() == {"en": 192, "es": 48, "hi-en": 48, "pt": 48}
    assert counts.loc["sensitive"].to_dict() == {"en": 192, "es": 49, "hi-en": 49, "pt": 49}
    assert counts.loc["no_topic"].sum() == 112 and counts.loc["hard_negative"].sum() == 102
    sensitive = frame[frame["kind"] == "sensitive"]["topic"].value_counts()
    assert sensitive["health"] == 150
    assert sensitive[list(schema.SENSITIVE_META7)].sum() == 330


class TestFile(v4.FileChecks):
    path = SEALED_V5


def test_structure_check_catches_a_broken_copy_of_this_set(frame):
    wine_pt = frame.index[(frame["kind"] == "everyday") & (frame["topic"] == "wine")
                          & (frame["language"] == "pt")]
    assert "everyday wine in pt: 1 rows, expected 2" in structure_problems(frame.drop(wine_pt[:1]))
    moved = frame.copy()
    hindi_health = moved.index[(moved["topic"] == "health") & (moved["language"] == "hi-en")]
    moved.loc[hindi_health[0], "language"] = "en"
    found = structure_problems(moved)
    assert "sensitive health in en: 79 rows, expected 78 (18 + 60)" in found
    assert "sensitive health in hi-en: 23 rows, expected 24 (4 + 20)" in found
    spanish_health = frame.index[(frame["topic"] == "health") & (frame["language"] == "es")]
    assert ["sensitive health in es: 4 rows, expected 24 (4 + 20)"] == structure_problems(
        frame.drop(spanish_health[4:]))  # the health block gone: only Meta's list's share left
    politics_pt = frame.index[(frame["topic"] == "politics") & (frame["language"] == "pt")]
    assert ["sensitive politics in pt: 3 rows, expected 4"] == structure_problems(
        frame.drop(politics_pt[:1]))
    no_genetics = frame[frame["topic"] != "genetics"]
    assert "sensitive genetics: 0 rows, need 3" in structure_problems(no_genetics)


# --- copies: no message equals, or nearly equals, a message of any other text ---------------
class TestCopies(v4.CopyChecks):
    """The fourth set's copy checks (v4.CopyChecks), with the four sets before it, and a health
    question as the message planted in the stand-in corpus."""

    set_fixture, path, file_names, planted = "sealed_v5", SEALED_V5, FILE_NAMES, 5
    others = (tm.VALIDATION_CSV, tm.SEALED_CSV, engine.SEALED_V2_CSV, engine.SEALED_V3_CSV,
              engine.SEALED_V4_CSV)

    def stand_in_message(self, labelled: tm.LabelledTexts) -> str:
        return [str(t) for t, topic in zip(labelled.texts, labelled.topics, strict=True)
                if topic == "health"][-1]

    def test_near_copy_check_finds_a_health_question_reversed(self, labelled):
        message = self.stand_in_message(labelled)
        words = bare(message).split()
        assert near_copies(labelled.texts, [" ".join(reversed(words))]) == [message]


# --- kept apart: read to report, never to build --------------------------------------------
def naming_the_set(paths) -> list[Path]:
    """Files among `paths` that name the fifth sealed set (case ignored)."""
    return v4.naming(paths, FILE_NAMES)


def test_naming_check_finds_a_planted_reference(tmp_path):
    clean, planted = tmp_path / "clean.py", tmp_path / "planted.py"
    clean.write_text("FOURTH = DATA / 'chat_sealed_v4.csv'\n", encoding="utf-8")
    planted.write_text("EXTRA = DATA / 'Chat_Sealed_V5.csv'\n", encoding="utf-8")
    assert naming_the_set([clean, planted]) == [planted]


def test_the_set_is_in_all_four_languages(frame):
    assert set(frame["language"]) == set(LANGUAGES)
    health = frame[(frame["kind"] == "sensitive") & (frame["topic"] == "health")]
    assert set(health["language"]) == set(LANGUAGES)


# --- model v15 on the fifth sealed set, read once -------------------------------------------
# Read once, on 2 Dec 2026, after the set and its checks were committed, with model v13 read
# beside it (`python -m bench.text_v15_confirm --sets sealed_v5`; docs/ARCHITECTURE.md, "Model
# v15 again"). Model v15, the product's, meets three of the issue's four targets on it: everyday
# accuracy 0.896 (301 of 336), everyday held back 2.4% (8 of 336), largest non-English gap 2.1
# points. These are asserted as targets. It misses the fourth by two messages: sensitive caught
# 94.5% (312 of 330 on Meta's list), guarded at the measured level, as are the figures without a
# target: English sensitive caught 177 of 186, look-alikes held back 17 of 102 (16.7%, against a
# goal of 5%: missed), no ad topic recognised 106 of 122.
MEASURED = guards.Measured(caught=312,  # of the set's 330 sensitive messages on Meta's list
                          caught_english=177,  # of 186
                          lookalikes_held_back=17,  # of 102
                          no_topic_recognised=106)  # of 122
ON_LIST = 330  # Meta's seven topics, 30 each, and the 120 consumer health questions


model = helpers.model


class TestV15AtMeasuredLevels(guards.AtMeasuredLevels):
    set_fixture, measured, on_list_at_least = "sealed_v5", MEASURED, ON_LIST
