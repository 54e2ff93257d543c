"""The second sealed chat test set (tests/data/chat_sealed_v2.csv): written by a new author
apart from every text the chat model was or may be built from, and model v7's level on it.

The first sealed set has been read for the final builds of four model versions; a model built
from the v8 sittings (or any later ones) is judged on this one. Schema rules are those of the
hand-written sets (tests/test_chat_validation_set.py); docs/ARCHITECTURE.md, "The second sealed
set", says how it was written and labelled.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adlens import chat_corpus, engine, schema
from adlens import text_model as tm
from bench import public_intents as pub
from tests import helpers
from tests import sealed_guards as guards
from tests.test_chat_validation_set import KINDS, LANGUAGES, Minimums, problems

ROOT = Path(__file__).resolve().parents[1]
SEALED_V2 = engine.SEALED_V2_CSV
CORPUS_FOLDER = Path(chat_corpus.__file__).parent

# The brief of the set: at least 700 messages, 12 per everyday topic over the four languages,
# 200 on Meta's sensitive list (so a 95% target is measured to a few messages), 110 with no ad
# topic, 100 look-alikes, every kind in every language, about 60% English.
V2_MINIMUMS = Minimums(rows=700, en_per_everyday_topic=8, per_meta7_topic=25, no_topic=110,
                       hard_negative=100, per_language={"es": 90, "pt": 90, "hi-en": 90})
PER_EVERYDAY_TOPIC = 12
META7_MESSAGES = 200
PER_LANGUAGE_KIND = 10
ENGLISH_SHARE = (0.55, 0.65)


def bare(text: str) -> str:
    """Lower case, punctuation dropped, whitespace collapsed: two messages that differ only so
    are the same message."""
    return " ".join("".join(c for c in str(text).lower() if c.isalnum() or c.isspace()).split())


def read_set(path: Path = SEALED_V2) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    assert SEALED_V2.exists(), f"the second sealed set is missing: {SEALED_V2}"
    return read_set()


@pytest.fixture(scope="module")
def sealed_v2() -> tm.LabelledTexts:
    labelled = tm.handwritten_set(SEALED_V2)
    assert labelled is not None
    return labelled


# --- schema and coverage --------------------------------------------------------------------
def coverage_problems(df: pd.DataFrame) -> list[str]:
    """What the second set needs beyond the hand-written sets' shared rules."""
    out: list[str] = []
    everyday = df[df["kind"] == "everyday"]["topic"].value_counts()
    for topic in schema.EVERYDAY_TOPICS:
        if everyday.get(topic, 0) < PER_EVERYDAY_TOPIC:
            out.append(f"everyday topic {topic}: {everyday.get(topic, 0)} rows, "
                       f"need {PER_EVERYDAY_TOPIC}")
    meta7 = int(((df["kind"] == "sensitive") & df["topic"].isin(schema.SENSITIVE_META7)).sum())
    if meta7 < META7_MESSAGES:
        out.append(f"{meta7} sensitive rows on Meta's list, need {META7_MESSAGES}")
    by_lang_kind = df.groupby(["language", "kind"]).size()
    for lang in LANGUAGES:
        for kind in KINDS:
            n = int(by_lang_kind.get((lang, kind), 0))
            if n < PER_LANGUAGE_KIND:
                out.append(f"{n} {kind} rows in {lang}, need {PER_LANGUAGE_KIND}")
    english = float((df["language"] == "en").mean()) if len(df) else 0.0
    if not ENGLISH_SHARE[0] <= english <= ENGLISH_SHARE[1]:
        out.append(f"English share {english:.2f}, expected within {ENGLISH_SHARE}")
    # The shared rules compare case and spaces; here punctuation is ignored as well.
    key = df["text"].map(bare)
    dup = df.loc[key.duplicated(keep=False), "text"]
    if len(dup):
        out.append(f"duplicate texts (punctuation ignored): {sorted(dup)[:5]}")
    return out


def test_set_meets_the_shared_schema_and_coverage(frame):
    assert problems(frame, V2_MINIMUMS) == []


def test_set_meets_its_own_coverage(frame):
    assert coverage_problems(frame) == []
    assert len(frame) >= V2_MINIMUMS.rows
    assert set(frame["topic"]) >= set(schema.ALL_TOPICS) | {schema.NO_AD_TOPIC}


def test_set_is_plain_utf8_csv():
    raw = SEALED_V2.read_bytes()
    raw.decode("utf-8")
    assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf")


def _broken(df: pd.DataFrame) -> dict[str, tuple[pd.DataFrame, str]]:
    """Broken copies of the set, each breaking one of `coverage_problems`' rules."""
    meta7 = df.index[(df["kind"] == "sensitive") & df["topic"].isin(schema.SENSITIVE_META7)]
    wine = df.index[(df["kind"] == "everyday") & (df["topic"] == "wine")]
    pt_hard = df.index[(df["language"] == "pt") & (df["kind"] == "hard_negative")]
    first = df.iloc[[0]].assign(text=lambda d: d["text"].str.upper() + " ?!")
    return {
        "too few on Meta's list": (df.drop(meta7[: len(meta7) - META7_MESSAGES + 1]),
                                   f"{META7_MESSAGES - 1} sensitive rows on Meta's list"),
        "too few wine rows": (df.drop(wine[: len(wine) - PER_EVERYDAY_TOPIC + 1]),
                              f"everyday topic wine: {PER_EVERYDAY_TOPIC - 1} rows"),
        "no Portuguese look-alikes": (df.drop(pt_hard), "0 hard_negative rows in pt"),
        "duplicate with punctuation": (pd.concat([df, first], ignore_index=True),
                                       "duplicate texts (punctuation ignored)"),
        "too much English": (df[df["language"] != "es"], "English share"),
    }


@pytest.mark.parametrize("mutation", ["too few on Meta's list", "too few wine rows",
                                      "no Portuguese look-alikes", "duplicate with punctuation",
                                      "too much English"])
def test_coverage_checks_catch_a_broken_set(frame, mutation):
    broken, expected = _broken(frame)[mutation]
    found = coverage_problems(broken)
    assert any(expected in p for p in found), found


# --- copies: no message equals a message of any other text ----------------------------------
def copies(mine, texts) -> list[str]:
    """Messages of `mine` equal to one of `texts` once case, spaces and punctuation are
    ignored (the set's own messages are named, never the other texts)."""
    others = {bare(t) for t in texts}
    return [t for t in mine if bare(t) in others]


def _sittings() -> pd.DataFrame:
    """Every written sitting under the chat corpus: the bank, the v8 sittings and any later
    folder of sittings (so a sitting written for a later model is checked as soon as it
    lands)."""
    files = sorted(CORPUS_FOLDER.rglob("*.txt"))
    return pd.concat([chat_corpus.bank.parse_sitting(p.read_text(encoding="utf-8"),
                                                     f"{p.parent.name}/{p.stem}")
                      for p in files], ignore_index=True)


def test_copy_check_finds_a_retyped_message(sealed_v2):
    # The check can fail: a message of the set re-typed in capitals, with doubled spaces and
    # other punctuation, among other texts, is found.
    message = str(sealed_v2.texts[3])
    planted = "  " + "  ".join(message.upper().split()) + "?!"
    assert copies(sealed_v2.texts, ["something else entirely", planted]) == [message]


# Model v15's training text (its health entries move the draws of v13's entity patterns) holds
# one 4-word message equal to an everyday message of this set, labelled alike; counted by
# script, never printed (docs/ARCHITECTURE.md, "Model v15"). It is guarded at that count, and a
# failure names the count, not the messages.
TRAINING_COPIES_MEASURED = 1  # v15 (v13: 0)


def test_messages_in_the_training_text_stay_at_the_measured_count_none_in_calibration(
        sealed_v2, training_text, calibration_text):
    train, _ = training_text
    assert len(train) > 10_000
    found = len(copies(sealed_v2.texts, train))
    assert found <= TRAINING_COPIES_MEASURED, f"{found} messages of the set in the training text"
    assert copies(sealed_v2.texts, calibration_text.texts) == []


def test_no_message_is_in_a_written_sitting_or_list(sealed_v2):
    from adlens.chat_corpus import assistant, lookalikes

    sittings = _sittings()
    assert len(sittings) >= 4_500  # the bank and the v8 sittings at least
    assert {"bank", "bank_candidate_v8"} <= {s.split("/")[0] for s in sittings["sitting"]}
    assert copies(sealed_v2.texts, sittings["text"]) == []
    written = [e for table in (lookalikes.LOOKALIKES, assistant.ASSISTANT)
               for lang in table.values() for entries in lang.values()
               for e in chat_corpus.parse(entries)]
    assert len(written) > 500
    assert copies(sealed_v2.texts, written) == []


def test_no_message_is_in_the_validation_or_first_sealed_set(sealed_v2):
    for path in (tm.VALIDATION_CSV, tm.SEALED_CSV):
        other = tm.handwritten_set(path)
        assert other is not None and len(other) > 500
        assert copies(sealed_v2.texts, other.texts) == [], path.name


def _stand_in_clinc(folder: Path, sentences: list[str]) -> Path:
    """A CLINC150 copy in its layout holding `sentences` (the corpora are not in the project)."""
    (folder / "data").mkdir(parents=True)
    # Intents of both kinds (an ad topic, no ad topic) so the bench's figures are defined.
    intents = ("play_music", "timer")
    data = {"test": [[s, intents[i % 2]] for i, s in enumerate(sentences)],
            "oos_test": [["how tall is a giraffe", "oos"]]}
    (folder / "data" / "data_full.json").write_text(json.dumps(data))
    return folder


def test_bench_counts_messages_equal_to_a_public_sentence(sealed_v2, tmp_path, monkeypatch):
    # The public corpora are not in the project: `bench.public_intents` (a `make bench` case)
    # counts the set's messages equal to a sentence of a named copy, every length. When the set
    # was written the count was 0 on CLINC150 and SNIPS (docs/ARCHITECTURE.md). Here it finds
    # a message of the set re-typed into a stand-in copy, and nothing in a copy without one.
    assert pub.SEALED_V2_CSV == SEALED_V2
    message, short = str(sealed_v2.texts[-1]), str(min(sealed_v2.texts, key=len))
    planted = _stand_in_clinc(tmp_path / "planted",
                              [message.title() + ".", short.upper(), "book a flight to rome"])
    found = pub.sealed_copies(pub.clinc_sentences(planted), SEALED_V2)
    assert sorted(found) == sorted([message, short])
    clean = _stand_in_clinc(tmp_path / "clean", ["book a flight to rome", "pay the gas bill"])
    assert pub.sealed_copies(pub.clinc_sentences(clean), SEALED_V2) == []

    class NoTopic:  # a stand-in model: every message read as no ad topic, none held back
        def infer(self, texts):
            return np.full(len(texts), tm.NO_TOPIC), {"meta7": np.zeros(len(texts))}

        def flag_sensitive(self, codes, p_list, sensitive_list, threshold=None):
            return np.zeros(len(codes), dtype=bool)

    monkeypatch.setenv(pub.CLINC_ENV, str(planted))
    figures = pub.corpus_figures("clinc150", model=NoTopic())
    assert figures["sealed_v2_messages_equal_to_a_corpus_sentence"] == 2


# --- kept apart: read to report, never to build --------------------------------------------
def test_training_and_threshold_code_never_read_the_second_sealed_set():
    sources = [*CORPUS_FOLDER.rglob("*.py"), ROOT / "adlens" / "chat_text.py",
               ROOT / "adlens" / "chat_text_langs.py",
               # The What-if slider explores thresholds: it shows the validation sets only.
               ROOT / "adlens" / "whatif.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "chat_sealed" not in text and "sealed_v2" not in text.lower(), path
    for func in (tm.train_text_model, tm.training_texts, tm.calibration_texts,
                 tm.choose_threshold, tm.fit_calibration):
        source = inspect.getsource(func)
        assert "SEALED" not in source and "sealed_v2" not in source, func.__name__



# --- model v7 on the second sealed set, read once -------------------------------------------
# Read once, on 30 Nov 2026, after the set was written and committed and its copy checks had
# passed; no message was changed after the read (docs/ARCHITECTURE.md, "The second sealed set").
# Model v7 met all four of the targets on it: everyday accuracy 0.921 (337 of 366),
# sensitive caught 95.7% (244 of 255 on Meta's list), everyday held back 2.2% (8 of 366),
# largest non-English gap 0 (English is the weakest language, 0.907). These are asserted as
# targets. Below target or without one, the measured level is guarded so it cannot slip
# silently: English sensitive caught 134 of 144 (93.1%), look-alikes held back 19 of 116
# (16.4%, against a goal of 5%: missed), no ad topic recognised 128 of 140 (0.914; the 140
# are the no-topic rows and the look-alikes whose real label is "no ad topic").
#
# Model v11 (the model in force, the sentence encoder for the chats the TF-IDF is unsure of),
# read once on 1 Dec 2026 under the adoption rule stated beforehand (docs/ARCHITECTURE.md,
# "Model v11"): everyday accuracy 0.934, sensitive caught 244 of 255 (the same count as v7),
# English 136 of 144 (94.4%), everyday held back 6 of 366 (1.6%), look-alikes held back 16 of
# 116 (13.8%), no ad topic recognised 130 of 140.
#
# Model v13 (v11's classifiers, each chat read alone), read once on 1 Dec 2026 under its rule
# (docs/ARCHITECTURE.md, "Model v13"): everyday accuracy 0.932, sensitive caught 244 of 255
# (English 136 of 144), everyday held back 5 of 366 (1.4%), look-alikes held back 15 of 116
# (12.9%), no ad topic recognised 129 of 140.
#
# Model v15 (the model in force: v13's recipe on training text with a broad health vocabulary),
# read once on 2 Dec 2026 under its rule (docs/ARCHITECTURE.md, "Model v15"): everyday accuracy
# 0.929, sensitive caught 244 of 255 (English 136 of 144), everyday held back 9 of 366 (2.5%),
# look-alikes held back 13 of 116 (11.2%), no ad topic recognised 130 of 140. The guards below
# hold the model in force at its measured level, so a later model must at least match it.
MEASURED_CAUGHT = 244  # of the set's sensitive messages on Meta's list (v7, v11, v13 and v15)
MEASURED_CAUGHT_ENGLISH = 136  # v11, v13 and v15 (v7: 134)
MEASURED_LOOKALIKES_HELD_BACK = 13  # of the set's look-alikes: v15 (v13: 15, v11: 16, v7: 19)
MEASURED_NO_TOPIC_RECOGNISED = 130  # labelled "no ad topic": v15 (v13: 129, v11: 130, v7: 128)


model = helpers.model


@pytest.fixture(scope="module")
def report(model, sealed_v2) -> pd.DataFrame:
    return guards.language_report(model, sealed_v2)


def _count(labelled: tm.LabelledTexts, lang: str, mask) -> int:
    sel = np.ones(len(labelled), dtype=bool) if lang == "all" else labelled.languages == lang
    return int((sel & mask).sum())


def test_report_covers_every_language_and_kind(report, sealed_v2):
    guards.assert_covers_every_language_and_kind(report, sealed_v2)


def test_everyday_topic_accuracy_meets_the_target(report):
    assert report.loc["all", "everyday_accuracy"] >= tm.TARGETS["everyday_accuracy"]


def test_everyday_messages_held_back_meet_the_target(report):
    assert report.loc["all", "everyday_held_back"] <= tm.TARGETS["everyday_held_back"]


def test_non_english_accuracy_within_ten_points_of_english(report):
    assert tm.target_checks(report)["non_english_gap"]


def test_sensitive_messages_caught_meet_the_target_and_the_measured_level(report, sealed_v2):
    on_list = np.isin(sealed_v2.topics, schema.SENSITIVE_META7)
    assert on_list.sum() >= META7_MESSAGES
    assert report.loc["all", "sensitive_caught"] >= tm.TARGETS["sensitive_caught"]
    assert report.loc["all", "sensitive_caught"] >= MEASURED_CAUGHT / on_list.sum() - 1e-9
    # English misses the 95% target on its own: guarded at the measured level.
    english = _count(sealed_v2, "en", on_list)
    assert report.loc["en", "sensitive_caught"] >= MEASURED_CAUGHT_ENGLISH / english - 1e-9


def test_lookalikes_held_back_stay_at_the_measured_level(report, sealed_v2):
    # The goal is 5%; v15 holds back 11.2% (v13 12.9%, v11 13.8%, v7 16.4%): missed, guarded at
    # the measured level.
    guards.assert_lookalikes_held_back_at_most(report, sealed_v2, MEASURED_LOOKALIKES_HELD_BACK)


def test_no_ad_topic_recognised_stays_at_the_measured_level(report, sealed_v2):
    # No target in the issue: guarded at the measured level.
    guards.assert_no_topic_recognised_at_least(report, sealed_v2, MEASURED_NO_TOPIC_RECOGNISED)
