"""The third sealed chat test set (tests/data/chat_sealed_v3.csv): written by a new author apart
from every text the chat model was or may be built from, and model v15's level on it.

The second sealed set has been read for five model versions, so it is no longer blind; the next
model is judged on this one. It follows the second set's brief and rules (schema, coverage,
copy checks), which are imported from tests/test_chat_sealed_v2.py rather than repeated;
docs/ARCHITECTURE.md, "The third sealed set", says how it was written and labelled.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
import pytest

from adlens import chat_corpus, engine, schema
from adlens import text_model as tm
from bench import public_intents as pub
from tests import helpers
from tests import sealed_guards as guards
from tests.test_chat_sealed_v2 import (
    CORPUS_FOLDER,
    META7_MESSAGES,
    PER_EVERYDAY_TOPIC,
    V2_MINIMUMS,
    _broken,
    _sittings,
    _stand_in_clinc,
    copies,
    coverage_problems,
    read_set,
)
from tests.test_chat_validation_set import problems

ROOT = Path(__file__).resolve().parents[1]
SEALED_V3 = engine.SEALED_V3_CSV


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    assert SEALED_V3.exists(), f"the third sealed set is missing: {SEALED_V3}"
    return read_set(SEALED_V3)


@pytest.fixture(scope="module")
def sealed_v3() -> tm.LabelledTexts:
    labelled = tm.handwritten_set(SEALED_V3)
    assert labelled is not None
    return labelled


# --- schema and coverage: the second set's brief ---------------------------------------------
def test_set_meets_the_shared_schema_and_coverage(frame):
    assert problems(frame, V2_MINIMUMS) == []


def test_set_meets_the_second_sets_coverage(frame):
    assert coverage_problems(frame) == []
    assert len(frame) >= V2_MINIMUMS.rows
    assert set(frame["topic"]) >= set(schema.ALL_TOPICS) | {schema.NO_AD_TOPIC}


def test_set_is_plain_utf8_csv():
    raw = SEALED_V3.read_bytes()
    raw.decode("utf-8")
    assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("mutation", ["too few on Meta's list", "too few wine rows",
                                      "no Portuguese look-alikes", "duplicate with punctuation",
                                      "too much English"])
def test_coverage_checks_catch_a_broken_copy_of_this_set(frame, mutation):
    broken, expected = _broken(frame)[mutation]
    assert any(expected in p for p in coverage_problems(broken))
    assert META7_MESSAGES == 200 and PER_EVERYDAY_TOPIC == 12  # the brief's floors


def test_shared_checks_catch_a_broken_copy_of_this_set(frame):
    hard = frame.index[frame["kind"] == "hard_negative"][0]
    labelled_sensitive = frame.copy()
    labelled_sensitive.loc[hard, "topic"] = "health"
    assert any("hard_negative rows with topic outside" in p
               for p in problems(labelled_sensitive, V2_MINIMUMS))
    assert any("0 rows in hi-en" in p
               for p in problems(frame[frame["language"] != "hi-en"], V2_MINIMUMS))


# --- copies: no message equals a message of any other text ----------------------------------
def test_copy_check_finds_a_retyped_message(sealed_v3):
    message = str(sealed_v3.texts[7])
    planted = "  " + "  ".join(message.upper().split()) + "..."
    assert copies(sealed_v3.texts, ["nothing like it", planted]) == [message]


def test_no_message_is_in_the_training_or_calibration_text(sealed_v3, training_text,
                                                           calibration_text):
    train, _ = training_text
    assert len(train) > 10_000
    assert copies(sealed_v3.texts, train) == []
    assert copies(sealed_v3.texts, calibration_text.texts) == []


def test_no_message_is_in_a_written_sitting_or_list(sealed_v3):
    from adlens.chat_corpus import assistant, lookalikes

    sittings = _sittings()
    assert len(sittings) >= 4_500
    assert copies(sealed_v3.texts, sittings["text"]) == []
    written = [e for table in (lookalikes.LOOKALIKES, assistant.ASSISTANT)
               for lang in table.values() for entries in lang.values()
               for e in chat_corpus.parse(entries)]
    assert len(written) > 500
    assert copies(sealed_v3.texts, written) == []


def test_no_message_is_in_another_hand_written_set(sealed_v3):
    for path in (tm.VALIDATION_CSV, tm.SEALED_CSV, engine.SEALED_V2_CSV):
        other = tm.handwritten_set(path)
        assert other is not None and len(other) > 500
        assert copies(sealed_v3.texts, other.texts) == [], path.name


def test_bench_counts_messages_equal_to_a_public_sentence(sealed_v3, tmp_path):
    # The public corpora are not in the project: `bench.public_intents` counts the set's
    # messages equal to a corpus sentence (0 on CLINC150 and SNIPS when the set was written,
    # docs/ARCHITECTURE.md). Here it finds messages of the set re-typed into a stand-in copy.
    assert pub.SEALED_V3_CSV == SEALED_V3
    message, short = str(sealed_v3.texts[-1]), str(min(sealed_v3.texts, key=len))
    planted = _stand_in_clinc(tmp_path / "planted",
                              [message.upper() + "!", short.title(), "book a flight to rome"])
    found = pub.sealed_copies(pub.clinc_sentences(planted), SEALED_V3)
    assert sorted(found) == sorted([message, short])
    clean = _stand_in_clinc(tmp_path / "clean", ["book a flight to rome", "pay the gas bill"])
    assert pub.sealed_copies(pub.clinc_sentences(clean), SEALED_V3) == []


# --- kept apart: read to report, never to build --------------------------------------------
def test_training_and_threshold_code_never_read_the_third_sealed_set():
    sources = [*CORPUS_FOLDER.rglob("*.py"), ROOT / "adlens" / "chat_text.py",
               ROOT / "adlens" / "chat_text_langs.py", ROOT / "adlens" / "whatif.py",
               ROOT / "adlens" / "text_model.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8").lower()
        assert "sealed_v3" not in text and "chat_sealed_v3" not in text, path
    for func in (tm.train_text_model, tm.training_texts, tm.calibration_texts,
                 tm.choose_threshold, tm.fit_calibration):
        source = inspect.getsource(func)
        assert "SEALED" not in source and "sealed_v3" not in source, func.__name__


# --- model v15 on the third sealed set, read once -------------------------------------------
# Read once per model version, first on 1 Dec 2026 for v13, after the set, its copy checks and
# the checks above were committed; no message was changed after a read (docs/ARCHITECTURE.md,
# "The third sealed set"). Model v13 met three of the four targets on it (everyday
# accuracy 0.902, everyday held back 3.0%, non-English gap 5.2 points) and missed the fourth by
# one message: sensitive caught 94.8% (199 of 210); English 118 of 126, look-alikes held back 16
# of 113, no ad topic recognised 117 of 129.
# Model v15, the model in force, read once on 2 Dec 2026 under its rule (docs/ARCHITECTURE.md,
# "Model v15"), meets all four: everyday accuracy 0.908 (305 of 336), everyday held back 3.9%
# (13 of 336), largest non-English gap 3.1 points, asserted as targets; and sensitive caught
# 95.2% (200 of 210 on Meta's list), exactly the fewest that meet 95%, guarded at the measured
# level, as are the figures without a target: English sensitive caught 117 of 126 (92.9%; one
# fewer than v13), look-alikes held back 20 of 113 (17.7%, against a goal of 5%: missed; v13
# 16), no ad topic recognised 117 of 129 (0.907; the no-topic rows and the look-alikes whose real
# label is "no ad topic"). A later model must at least match v15 here.
MEASURED = guards.Measured(caught=200,  # of the set's 210 sensitive messages on Meta's list
                          caught_english=117,  # of 126
                          lookalikes_held_back=20,  # of 113
                          no_topic_recognised=117)  # of 129


model = helpers.model


class TestV15AtMeasuredLevels(guards.AtMeasuredLevels):
    set_fixture, measured, on_list_at_least = "sealed_v3", MEASURED, META7_MESSAGES
