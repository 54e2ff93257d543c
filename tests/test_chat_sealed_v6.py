"""The sixth sealed chat test set (tests/data/chat_sealed_v6.csv): written by a new author apart
from every text the chat model was or may be built from, for the next model to be judged on.

The fifth sealed set has been read for models v13 and v15, so it is no longer blind. This set
follows the earlier sets' brief and rules (schema, coverage, copy checks), imported from
tests/test_chat_sealed_v2.py, tests/test_chat_sealed_v4.py and tests/test_chat_sealed_v5.py
rather than repeated, with the fifth set's structure (14 messages per everyday topic, 30 per
topic of Meta's list, the 120 consumer health questions) and twice its look-alikes: 202, 91 in
English and 37 in each other language, spread over every everyday topic and no ad topic, so
that look-alikes held back are measured on about 200 messages. docs/ARCHITECTURE.md, "The sixth
sealed set", says how it was written and labelled.

Read for models v15 and v16 under the rule for v16 (docs/ARCHITECTURE.md, "Model v16 ..."),
which did not adopt v16: the product's v15 is guarded at its measured levels below; the engine
reads the file through `engine.SEALED_V6_CSV` (its rows are the Method page's sixth tab and
column), the bench reads it too, and no model code names it.
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
from tests import test_chat_sealed_v5 as v5
from tests.test_chat_sealed_v2 import (
    META7_MESSAGES,
    V2_MINIMUMS,
    _broken,
    bare,
    coverage_problems,
    read_set,
)
from tests.test_chat_sealed_v4 import near_copies
from tests.test_chat_validation_set import LANGUAGES, problems

ROOT = Path(__file__).resolve().parents[1]
SEALED_V6 = ROOT / "tests" / "data" / "chat_sealed_v6.csv"
assert engine.SEALED_V6_CSV == SEALED_V6
FILE_NAMES = ("chat_sealed_v6", "sealed_v6")

# The set's structure, fixed before it was written: the fifth set's (v5.structure_problems:
# everyday 8 English and 2 per other language for each topic, Meta's list 18 and 4, health 78 /
# 24 / 24 / 24 with the health block, genetics, biometrics and sex life 3 each, at least 110
# no-topic rows) with 202 look-alikes instead of 102: the extra 100 are 25 per language.
LOOKALIKES_PER_LANGUAGE = {"en": 91, "es": 37, "pt": 37, "hi-en": 37}
LOOKALIKE_LABELS = frozenset(schema.EVERYDAY_TOPICS) | {schema.NO_AD_TOPIC}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    assert SEALED_V6.exists(), f"the sixth sealed set is missing: {SEALED_V6}"
    return read_set(SEALED_V6)


@pytest.fixture(scope="module")
def sealed_v6() -> tm.LabelledTexts:
    labelled = tm.handwritten_set(SEALED_V6)
    assert labelled is not None
    return labelled


# --- schema and coverage --------------------------------------------------------------------
def structure_problems(df: pd.DataFrame) -> list[str]:
    """Where the set departs from its fixed structure (empty when it keeps it): the fifth set's
    checks, and the look-alikes' rows per language and labels (every everyday topic and no ad
    topic among them, nothing else)."""
    out = v5.structure_problems(df)
    lookalikes = df[df["kind"] == "hard_negative"]
    by_language = lookalikes["language"].value_counts()
    for lang, need in LOOKALIKES_PER_LANGUAGE.items():
        n = int(by_language.get(lang, 0))
        if n != need:
            out.append(f"look-alikes in {lang}: {n} rows, expected {need}")
    labels = set(lookalikes["topic"])
    for topic in sorted(LOOKALIKE_LABELS - labels):
        out.append(f"no look-alike labelled {topic}")
    for topic in sorted(labels - LOOKALIKE_LABELS):
        out.append(f"a look-alike labelled {topic}")
    return out


def test_set_meets_the_shared_schema_and_coverage(frame):
    assert problems(frame, V2_MINIMUMS) == []


def test_set_meets_the_second_sets_coverage(frame):
    assert coverage_problems(frame) == []
    assert set(frame["topic"]) >= set(schema.ALL_TOPICS) | {schema.NO_AD_TOPIC}


def test_set_keeps_its_structure(frame):
    assert structure_problems(frame) == []
    assert len(frame) == 989
    counts = pd.crosstab(frame["kind"], frame["language"])
    assert counts.loc["everyday"].to_dict() == {"en": 192, "es": 48, "hi-en": 48, "pt": 48}
    assert counts.loc["sensitive"].to_dict() == {"en": 192, "es": 49, "hi-en": 49, "pt": 49}
    assert counts.loc["no_topic"].to_dict() == {"en": 70, "es": 14, "hi-en": 14, "pt": 14}
    assert counts.loc["hard_negative"].to_dict() == {"en": 91, "es": 37, "hi-en": 37, "pt": 37}
    sensitive = frame[frame["kind"] == "sensitive"]["topic"].value_counts()
    assert sensitive["health"] == 150
    assert sensitive[list(schema.SENSITIVE_META7)].sum() == 330


class TestFile(v4.FileChecks):
    """The shared file checks, with one broken copy changed: the shared "too much English" copy
    drops the Spanish rows, which leaves this set 64.8% English (545 of 841, its share is 55.1%
    with 111 non-English look-alikes), inside the 55-65% bound; dropping the Spanish and the
    Portuguese rows (78.6%) breaks it."""

    path = SEALED_V6

    @pytest.mark.parametrize("mutation", ["too few on Meta's list", "too few wine rows",
                                          "no Portuguese look-alikes",
                                          "duplicate with punctuation", "too much English"])
    def test_coverage_checks_catch_a_broken_copy_of_this_set(self, frame, mutation):
        broken, expected = _broken(frame)[mutation]
        if mutation == "too much English":
            # the shared copy breaks the per-language rules but not the English share here
            assert not any(expected in p for p in coverage_problems(broken))
            broken = frame[~frame["language"].isin(["es", "pt"])]
        assert any(expected in p for p in coverage_problems(broken))
        assert META7_MESSAGES == 200


def test_structure_check_catches_a_broken_copy_of_this_set(frame):
    wine_pt = frame.index[(frame["kind"] == "everyday") & (frame["topic"] == "wine")
                          & (frame["language"] == "pt")]
    assert "everyday wine in pt: 1 rows, expected 2" in structure_problems(frame.drop(wine_pt[:1]))
    spanish_health = frame.index[(frame["topic"] == "health") & (frame["language"] == "es")]
    assert ["sensitive health in es: 4 rows, expected 24 (4 + 20)"] == structure_problems(
        frame.drop(spanish_health[4:]))
    # A look-alike moved from one language to another: both languages' counts are off.
    moved = frame.copy()
    hindi_lookalikes = moved.index[(moved["kind"] == "hard_negative")
                                   & (moved["language"] == "hi-en")]
    moved.loc[hindi_lookalikes[0], "language"] = "pt"
    assert structure_problems(moved) == ["look-alikes in pt: 38 rows, expected 37",
                                         "look-alikes in hi-en: 36 rows, expected 37"]
    # The fifth set's count (102 look-alikes, 12 per other language) no longer passes.
    lookalikes = frame.index[frame["kind"] == "hard_negative"]
    fifth_count = frame.drop(
        [i for lang, n in (("en", 25), ("es", 25), ("pt", 25), ("hi-en", 25))
         for i in frame.index[(frame["kind"] == "hard_negative")
                              & (frame["language"] == lang)][:n]])
    assert len(fifth_count) == len(frame) - 100 and len(lookalikes) == 202
    assert "look-alikes in es: 12 rows, expected 37" in structure_problems(fifth_count)
    # An everyday topic with no look-alike, and a look-alike labelled sensitive.
    no_running = frame.drop(frame.index[(frame["kind"] == "hard_negative")
                                        & (frame["topic"] == "running")])
    assert "no look-alike labelled running" in structure_problems(no_running)
    relabelled = frame.copy()
    relabelled.loc[lookalikes[0], "topic"] = "religion"
    assert "a look-alike labelled religion" in structure_problems(relabelled)


# --- copies: no message equals, or nearly equals, a message of any other text ---------------
class TestCopies(v4.CopyChecks):
    """The fourth set's copy checks (v4.CopyChecks), with the five sets before it, and a
    look-alike as the message planted in the stand-in corpus."""

    set_fixture, path, file_names, planted = "sealed_v6", SEALED_V6, FILE_NAMES, 7
    others = (tm.VALIDATION_CSV, tm.SEALED_CSV, engine.SEALED_V2_CSV, engine.SEALED_V3_CSV,
              engine.SEALED_V4_CSV, engine.SEALED_V5_CSV)

    def stand_in_message(self, labelled: tm.LabelledTexts) -> str:
        return [str(t) for t, kind in zip(labelled.texts, labelled.kinds, strict=True)
                if kind == "hard_negative"][-1]

    def test_near_copy_check_finds_a_lookalike_reversed(self, labelled):
        message = self.stand_in_message(labelled)
        words = bare(message).split()
        assert near_copies(labelled.texts, [" ".join(reversed(words))]) == [message]


# --- kept apart: read to report, never to build --------------------------------------------
def naming_the_set(paths) -> list[Path]:
    """Files among `paths` that name the sixth sealed set (case ignored)."""
    return v4.naming(paths, FILE_NAMES)


def test_naming_check_finds_a_planted_reference(tmp_path):
    clean, planted = tmp_path / "clean.py", tmp_path / "planted.py"
    clean.write_text("FIFTH = DATA / 'chat_sealed_v5.csv'\n", encoding="utf-8")
    planted.write_text("EXTRA = DATA / 'Chat_Sealed_V6.csv'\n", encoding="utf-8")
    assert naming_the_set([clean, planted]) == [planted]


def test_only_the_engine_names_the_file_in_the_app():
    """Read to report: in the app's code only the engine names the file (`engine.SEALED_V6_CSV`,
    read by `engine.text_report`); the Method page shows the engine's rows under
    `engine.SET_SEALED_V6`. The bench may name it too, and no model code may (`TestCopies`)."""
    engine_file = ROOT / "adlens" / "engine.py"
    sources = [*(ROOT / "adlens").rglob("*.py"), *(ROOT / "components").rglob("*.py"),
               *(ROOT / "views").rglob("*.py"), *ROOT.glob("*.py")]
    assert len(sources) > 20 and engine_file in sources
    assert v4.naming(sources, ("chat_sealed_v6",)) == [engine_file]


def test_the_set_is_in_all_four_languages(frame):
    assert set(frame["language"]) == set(LANGUAGES)
    health = frame[(frame["kind"] == "sensitive") & (frame["topic"] == "health")]
    assert set(health["language"]) == set(LANGUAGES)
    lookalikes = frame[frame["kind"] == "hard_negative"]
    assert set(lookalikes["language"]) == set(LANGUAGES)


# --- model v15 on the sixth sealed set, read once -------------------------------------------
# Read once, on 2 Dec 2026, after the set and its checks were committed, with model v16 read
# beside it (`python -m bench.text_v16`; docs/ARCHITECTURE.md, "Model v16 ..."), which did not
# adopt v16. Model v15, the product's, meets two of the four targets on it: sensitive
# caught 95.8% (316 of 330 on Meta's list, two messages above the 314 that 95% needs) and the
# largest non-English gap (0.0 points: English is read worst). It misses the other two: everyday
# accuracy 0.836 (281 of 336) and everyday held back 5.4% (18 of 336). The gap is asserted as a
# target; the rest are guarded at the measured level, as are the figures without a target:
# English sensitive caught 176 of 186, look-alikes held back 37 of 202 (18.3%, against a goal
# of 5%: missed), no ad topic recognised 118 of 134.
MEASURED = guards.Measured(caught=316,  # of the set's 330 sensitive messages on Meta's list
                          caught_english=176,  # of 186
                          lookalikes_held_back=37,  # of 202
                          no_topic_recognised=118,  # of 134
                          everyday_read_right=281,  # of 336
                          everyday_held_back=18)  # of 336
ON_LIST = 330  # Meta's seven topics, 30 each, and the 120 consumer health questions


model = helpers.model


class TestV15AtMeasuredLevels(guards.AtMeasuredLevels):
    set_fixture, measured, on_list_at_least = "sealed_v6", MEASURED, ON_LIST
