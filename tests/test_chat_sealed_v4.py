"""The fourth sealed chat test set (tests/data/chat_sealed_v4.csv): written by a new author apart
from every text the chat model was or may be built from, for the next model (v15) to be judged on.

The third sealed set has been read for model v13; the next model is judged on this one. It
follows the second and third sets' brief and rules (schema, coverage, copy checks), imported
from tests/test_chat_sealed_v2.py rather than repeated, with the third set's structure (14
messages per everyday topic, 30 per topic of Meta's list) and a second copy check: no message
shares nearly all its words with another text (word-set overlap of 0.82 or more).
docs/ARCHITECTURE.md, "The fourth sealed set", says how it was written and labelled.

Read for model v13 and for v15 (the product's model): the product's v15 is guarded at its
measured level below; the engine, the Method page and the bench read the
file through `engine.SEALED_V4_CSV`, and no model code names it.
"""

from __future__ import annotations

import inspect
import os
from collections import Counter, defaultdict
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
    V2_MINIMUMS,
    _broken,
    _sittings,
    _stand_in_clinc,
    bare,
    copies,
    coverage_problems,
    read_set,
)
from tests.test_chat_validation_set import LANGUAGES, problems

ROOT = Path(__file__).resolve().parents[1]
SEALED_V4 = ROOT / "tests" / "data" / "chat_sealed_v4.csv"
assert engine.SEALED_V4_CSV == SEALED_V4
FILE_NAMES = ("chat_sealed_v4", "sealed_v4")

# The set's structure, fixed before it was written (the third set's): every everyday topic 8
# English messages and 2 in each other language; each topic of Meta's list 18 English and 4 in
# each other language; the rest of GDPR Art. 9 (genetics, biometrics, sex life) a few each.
EVERYDAY_PER_LANGUAGE = {"en": 8, "es": 2, "pt": 2, "hi-en": 2}
META7_PER_LANGUAGE = {"en": 18, "es": 4, "pt": 4, "hi-en": 4}
GDPR_EXTRA_AT_LEAST = 3
NO_TOPIC_AT_LEAST = 110
HARD_NEGATIVE_AT_LEAST = 100
NEAR_COPY_OVERLAP = 0.82


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    assert SEALED_V4.exists(), f"the fourth sealed set is missing: {SEALED_V4}"
    return read_set(SEALED_V4)


@pytest.fixture(scope="module")
def sealed_v4() -> tm.LabelledTexts:
    labelled = tm.handwritten_set(SEALED_V4)
    assert labelled is not None
    return labelled


# --- schema and coverage --------------------------------------------------------------------
def structure_problems(df: pd.DataFrame) -> list[str]:
    """Where the set departs from its fixed structure (empty when it keeps it)."""
    out: list[str] = []
    by = df.groupby(["kind", "topic", "language"]).size()
    for topic in schema.EVERYDAY_TOPICS:
        for lang, need in EVERYDAY_PER_LANGUAGE.items():
            n = int(by.get(("everyday", topic, lang), 0))
            if n != need:
                out.append(f"everyday {topic} in {lang}: {n} rows, expected {need}")
    for topic in schema.SENSITIVE_META7:
        for lang, need in META7_PER_LANGUAGE.items():
            n = int(by.get(("sensitive", topic, lang), 0))
            if n != need:
                out.append(f"sensitive {topic} in {lang}: {n} rows, expected {need}")
    sensitive = df[df["kind"] == "sensitive"]["topic"].value_counts()
    for topic in schema.SENSITIVE_GDPR_EXTRA:
        if sensitive.get(topic, 0) < GDPR_EXTRA_AT_LEAST:
            out.append(f"sensitive {topic}: {sensitive.get(topic, 0)} rows, "
                       f"need {GDPR_EXTRA_AT_LEAST}")
    kinds = df["kind"].value_counts()
    if kinds.get("no_topic", 0) < NO_TOPIC_AT_LEAST:
        out.append(f"{kinds.get('no_topic', 0)} no-topic rows, need {NO_TOPIC_AT_LEAST}")
    if kinds.get("hard_negative", 0) < HARD_NEGATIVE_AT_LEAST:
        out.append(f"{kinds.get('hard_negative', 0)} look-alikes, need {HARD_NEGATIVE_AT_LEAST}")
    return out


def test_set_meets_the_shared_schema_and_coverage(frame):
    assert problems(frame, V2_MINIMUMS) == []


def test_set_meets_the_second_sets_coverage(frame):
    assert coverage_problems(frame) == []
    assert set(frame["topic"]) >= set(schema.ALL_TOPICS) | {schema.NO_AD_TOPIC}


def test_set_keeps_its_structure(frame):
    assert structure_problems(frame) == []
    assert len(frame) == 784
    counts = pd.crosstab(frame["kind"], frame["language"])
    assert counts.loc["everyday"].to_dict() == {"en": 192, "es": 48, "hi-en": 48, "pt": 48}
    assert counts.loc["sensitive"].to_dict() == {"en": 132, "es": 29, "hi-en": 29, "pt": 29}
    assert counts.loc["no_topic"].sum() == 116 and counts.loc["hard_negative"].sum() == 113


class FileChecks:
    """A sealed set's file: plain UTF-8 (no byte-order mark, no CRLF), and the second set's
    coverage checks catch broken copies of it. A set's test module subclasses it (`class
    TestFile(FileChecks)`), sets `path` (its file) and gives the fixture `frame` (the set read
    as a table)."""

    path: Path

    def test_set_is_plain_utf8_csv(self):
        raw = self.path.read_bytes()
        raw.decode("utf-8")
        assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf")

    @pytest.mark.parametrize("mutation", ["too few on Meta's list", "too few wine rows",
                                          "no Portuguese look-alikes",
                                          "duplicate with punctuation", "too much English"])
    def test_coverage_checks_catch_a_broken_copy_of_this_set(self, frame, mutation):
        broken, expected = _broken(frame)[mutation]
        assert any(expected in p for p in coverage_problems(broken))
        assert META7_MESSAGES == 200


class TestFile(FileChecks):
    path = SEALED_V4


def test_structure_check_catches_a_broken_copy_of_this_set(frame):
    wine_pt = frame.index[(frame["kind"] == "everyday") & (frame["topic"] == "wine")
                          & (frame["language"] == "pt")]
    assert "everyday wine in pt: 1 rows, expected 2" in structure_problems(frame.drop(wine_pt[:1]))
    moved = frame.copy()
    hindi_health = moved.index[(moved["topic"] == "health") & (moved["language"] == "hi-en")]
    moved.loc[hindi_health[0], "language"] = "en"
    found = structure_problems(moved)
    assert "sensitive health in en: 19 rows, expected 18" in found
    assert "sensitive health in hi-en: 3 rows, expected 4" in found
    no_genetics = frame[frame["topic"] != "genetics"]
    assert "sensitive genetics: 0 rows, need 3" in structure_problems(no_genetics)


# --- copies: no message equals, or nearly equals, a message of any other text ---------------
class _WordSets:
    """The word sets of `texts` (case and punctuation ignored), indexed by word."""

    def __init__(self, texts):
        self.sets = [frozenset(bare(t).split()) for t in texts]
        self.frequency = Counter(w for s in self.sets for w in s)
        self.holding: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.sets):
            for w in words:
                self.holding[w].append(i)

    def near(self, message: str, overlap: float, skip: int | None = None) -> bool:
        """Whether a text (but the one at `skip`) shares at least `overlap` of the union of
        its words with `message`'s (Jaccard). A text must hold one of the message's rarest
        words to reach the overlap, so only those texts are compared."""
        words = frozenset(bare(message).split())
        if not words:
            return False
        shared_at_least = int(-(-overlap * len(words) // 1))  # ceil
        rarest = sorted(words, key=lambda w: (self.frequency.get(w, 0), w))
        candidates = {i for w in rarest[: len(words) - shared_at_least + 1]
                      for i in self.holding.get(w, ())} - {skip}
        return any(len(words & self.sets[i]) / len(words | self.sets[i]) >= overlap
                   for i in candidates)


def near_copies(mine, texts, overlap: float = NEAR_COPY_OVERLAP) -> list[str]:
    """Messages of `mine` whose set of words (case and punctuation ignored) shares at least
    `overlap` of the union with the word set of one of `texts` (Jaccard): the same words in
    another order, or nearly so. Only the set's own messages are named, never the other
    texts."""
    index = _WordSets(texts)
    return [m for m in mine if index.near(m, overlap)]


def near_copies_within(texts, overlap: float = NEAR_COPY_OVERLAP) -> list[str]:
    """Messages of `texts` nearly equal (`near_copies`) to another message of `texts`."""
    texts = [str(t) for t in texts]
    index = _WordSets(texts)
    return [t for i, t in enumerate(texts) if index.near(t, overlap, skip=i)]


def all_copies(mine, texts) -> list[str]:
    """Messages of `mine` equal (`copies`) or nearly equal (`near_copies`) to one of `texts`."""
    texts = list(texts)
    return sorted(set(copies(mine, texts)) | set(near_copies(mine, texts)))


# The public corpora are not in the project. When their environment variables name a copy
# (ADLENS_CLINC150, ADLENS_SNIPS, ADLENS_LIVEQA_MED, ADLENS_MEDIQA, as for `bench.public_intents`),
# the set is checked against every sentence of each; 0 equal and 0 near when it was written.
PUBLIC = {"clinc150": (pub.CLINC_ENV, pub.clinc_sentences),
          "snips": (pub.SNIPS_ENV, pub.snips_sentences),
          "liveqa_med": (pub.LIVEQA_ENV, pub.liveqa_med_sentences),
          "mediqa": (pub.MEDIQA_ENV, pub.mediqa_sentences)}


def _model_sources() -> list[Path]:
    """The code the chat model is built, calibrated and thresholded from, and the What-if page's
    threshold explorer."""
    return [*CORPUS_FOLDER.rglob("*.py"), *(ROOT / "adlens").glob("chat_text*.py"),
            ROOT / "adlens" / "text_model.py", ROOT / "adlens" / "text_encoder.py",
            ROOT / "adlens" / "char_tfidf.py", ROOT / "adlens" / "calibration.py",
            ROOT / "adlens" / "whatif.py"]


def naming(paths, names) -> list[Path]:
    """Files among `paths` that name a set by one of `names` (case ignored)."""
    return [p for p in paths if any(n in p.read_text(encoding="utf-8").lower() for n in names)]


def naming_the_set(paths) -> list[Path]:
    """Files among `paths` that name the fourth sealed set (case ignored)."""
    return naming(paths, FILE_NAMES)


class CopyChecks:
    """A sealed set written apart: no message equals, or nearly equals, a message of any other
    text (the training and calibration text, the written sittings and lists, the other
    hand-written sets, the public corpora), and no model code names its file. A set's test
    module subclasses it (`class TestCopies(CopyChecks)`) and sets `set_fixture` (the name of
    its fixture giving the set), `path` (its file), `file_names` (how code would name it),
    `others` (the hand-written sets written before it) and `planted` (the index of the message
    the within-set check plants a reworded copy of)."""

    set_fixture: str
    path: Path
    file_names: tuple[str, ...]
    others: tuple[Path, ...]
    planted: int

    @pytest.fixture(scope="class")
    @classmethod
    def labelled(cls, request) -> tm.LabelledTexts:
        return request.getfixturevalue(cls.set_fixture)

    def stand_in_message(self, labelled: tm.LabelledTexts) -> str:
        """The message the public copy check plants, retyped, in a stand-in corpus."""
        return str(labelled.texts[-1])

    def test_copy_checks_find_a_retyped_and_a_reworded_message(self, labelled):
        message = max((str(t) for t in labelled.texts), key=lambda t: len(t.split()))
        retyped = "  " + "  ".join(message.upper().split()) + " ?!"
        assert copies(labelled.texts, ["nothing like it", retyped]) == [message]
        words = bare(message).split()
        reordered = " ".join(reversed(words[1:])) + " " + words[0] + " really"  # one word more
        assert copies(labelled.texts, [reordered]) == []
        assert near_copies(labelled.texts, ["nothing like it", reordered]) == [message]
        assert all_copies(labelled.texts, [retyped, reordered]) == [message]
        # A text sharing only part of the words is not a near copy.
        assert near_copies(labelled.texts, [" ".join(words[: len(words) // 2])]) == []

    def test_no_message_is_in_the_set_twice_nor_nearly(self, labelled):
        assert near_copies_within(labelled.texts) == []
        texts = [str(t) for t in labelled.texts]
        planted = " ".join(reversed(bare(texts[self.planted]).split())).upper() + "."
        assert near_copies_within([*texts[:10], planted]) == [texts[self.planted], planted]

    def test_no_message_is_in_the_training_or_calibration_text(self, labelled, training_text,
                                                               calibration_text):
        train, _ = training_text
        assert len(train) > 10_000
        assert all_copies(labelled.texts, {str(t) for t in train}) == []
        assert all_copies(labelled.texts, {str(t) for t in calibration_text.texts}) == []

    def test_no_message_is_in_a_written_sitting_or_list(self, labelled):
        from adlens.chat_corpus import assistant, lookalikes

        sittings = _sittings()
        assert len(sittings) >= 4_500
        assert all_copies(labelled.texts, sittings["text"]) == []
        written = [e for table in (lookalikes.LOOKALIKES, assistant.ASSISTANT)
                   for lang in table.values() for entries in lang.values()
                   for e in chat_corpus.parse(entries)]
        assert len(written) > 500
        assert all_copies(labelled.texts, written) == []

    def test_no_message_is_in_another_hand_written_set(self, labelled):
        for path in self.others:
            other = tm.handwritten_set(path)
            assert other is not None and len(other) > 500
            assert all_copies(labelled.texts, other.texts) == [], path.name

    @pytest.mark.parametrize("name", [
        pytest.param(name, marks=pytest.mark.corpora(PUBLIC[name][0])) for name in sorted(PUBLIC)])
    def test_no_message_is_in_a_public_corpus(self, labelled, name):
        env, sentences = PUBLIC[name]
        texts = sentences(Path(os.environ[env]))
        assert len(texts) > 400
        assert pub.sealed_copies(texts, self.path) == []
        assert near_copies(labelled.texts, texts) == []

    def test_public_copy_check_finds_messages_retyped_into_a_stand_in(self, labelled, tmp_path):
        message, short = self.stand_in_message(labelled), str(min(labelled.texts, key=len))
        planted = _stand_in_clinc(tmp_path / "planted",
                                  [message.upper() + "!", short.title(), "book a flight to rome"])
        texts = pub.clinc_sentences(planted)
        assert sorted(pub.sealed_copies(texts, self.path)) == sorted([message, short])
        clean = _stand_in_clinc(tmp_path / "clean", ["book a flight to rome", "pay the gas bill"])
        assert pub.sealed_copies(pub.clinc_sentences(clean), self.path) == []

    def test_model_code_never_names_the_set(self):
        sources = _model_sources()
        assert all(p.exists() for p in sources) and len(sources) > 8
        assert naming(sources, self.file_names) == []
        for func in (tm.train_text_model, tm.training_texts, tm.calibration_texts,
                     tm.choose_threshold, tm.fit_calibration):
            source = inspect.getsource(func).lower()
            assert not any(n in source for n in self.file_names), func.__name__


class TestCopies(CopyChecks):
    set_fixture, path, file_names, planted = "sealed_v4", SEALED_V4, FILE_NAMES, 3
    others = (tm.VALIDATION_CSV, tm.SEALED_CSV, engine.SEALED_V2_CSV, engine.SEALED_V3_CSV)


def test_naming_check_finds_a_planted_reference(tmp_path):
    clean, planted = tmp_path / "clean.py", tmp_path / "planted.py"
    clean.write_text("VALIDATION = 'chat_validation.csv'\n", encoding="utf-8")
    planted.write_text("EXTRA = DATA / 'Chat_Sealed_V4.csv'\n", encoding="utf-8")
    assert naming_the_set([clean, planted]) == [planted]


def test_the_set_is_in_all_four_languages(frame):
    assert set(frame["language"]) == set(LANGUAGES)


# --- model v15 on the fourth sealed set, read once -------------------------------------------
# Read once, on 2 Dec 2026, after the set and its checks were committed: model v13, then v15
# (`python -m bench.text_v15 --sets sealed_v4`; docs/ARCHITECTURE.md, "Model v15"). v13 met three
# of the four targets on it (everyday accuracy 0.860, everyday held back 2.1%,
# non-English gap 8.9 points) and missed the fourth: sensitive caught 90.5% (190 of 210);
# English 110 of 126, look-alikes held back 25 of 113, no ad topic recognised 104 of 131.
# Model v15, the product's, meets the same three: everyday accuracy 0.869 (292 of 336), everyday
# held back 2.7% (9 of 336), largest non-English gap 7.3 points (Spanish 0.812 against English
# 0.885). These are asserted as targets. It misses the fourth: sensitive caught 91.9% (193 of 210
# on Meta's list), guarded at the measured level, as are the figures without a target: English
# sensitive caught 112 of 126 (88.9%), look-alikes held back 27 of 113 (23.9%, against a goal of
# 5%: missed; v13 25), no ad topic recognised 103 of 131 (0.786; v13 104).
MEASURED = guards.Measured(caught=193,  # of the set's 210 sensitive messages on Meta's list
                          caught_english=112,  # of 126
                          lookalikes_held_back=27,  # of 113
                          no_topic_recognised=103)  # of 131


model = helpers.model


class TestV15AtMeasuredLevels(guards.AtMeasuredLevels):
    set_fixture, measured, on_list_at_least = "sealed_v4", MEASURED, META7_MESSAGES
