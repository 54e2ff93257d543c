"""The written message bank (adlens/chat_corpus/bank/): its format, its coverage of every label,
language and kind, its several voices, its split between training and calibration, and that it
reaches the model's training text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from adlens import chat_corpus, schema
from adlens import text_model as tm
from adlens.chat_corpus import bank


@pytest.fixture(scope="module")
def written() -> pd.DataFrame:
    return bank.load_bank()


def within(values, pool) -> np.ndarray:
    """Per value, whether it is in `pool`: np.isin by hashing (np.isin itself took 30 s to
    look the written bank up in the 168,000 training messages, a set well under one)."""
    seen = set(np.asarray(pool).tolist())
    return np.fromiter((v in seen for v in np.asarray(values).tolist()), dtype=bool)


def norm(text: str) -> str:
    """Lower case, punctuation dropped, whitespace collapsed."""
    return " ".join("".join(c for c in str(text).lower() if c.isalnum() or c.isspace()).split())


# --- format -----------------------------------------------------------------------------------
def test_a_sitting_is_parsed_into_labelled_messages():
    text = "# language: es\n# voice: someone\n\n[cooking]\nreceta de  arepas\n[~tech]\n" \
           "mi pc tiene un virus\n[health]\nme duele la cabeza\n[no_ad_topic]\nhola\n"
    frame = bank.parse_sitting(text, "es_test")
    assert list(frame.columns) == bank.COLUMNS
    assert frame["text"].tolist() == ["receta de arepas", "mi pc tiene un virus",
                                      "me duele la cabeza", "hola"]
    assert frame["topic"].tolist() == ["cooking", "tech", "health", schema.NO_AD_TOPIC]
    assert frame["kind"].tolist() == ["everyday", "hard_negative", "sensitive", "no_topic"]
    assert set(frame["language"]) == {"es"} and set(frame["sitting"]) == {"es_test"}


@pytest.mark.parametrize(("text", "problem"), [
    ("[cooking]\nsoup\n", "no '# language:' line"),
    ("# language: fr\n[cooking]\nsoupe\n", "no '# language:' line"),
    ("# language: en\nsoup\n", r"before any \[label\]"),
    ("# language: en\n[knitting]\nyarn\n", "unknown label 'knitting'"),
    ("# language: en\n[~health]\nmy phone's battery health\n", "never sensitive"),
])
def test_a_broken_sitting_is_refused_with_its_line(text, problem):
    with pytest.raises(ValueError, match=problem):
        bank.parse_sitting(text, "broken")


# --- coverage ---------------------------------------------------------------------------------
def test_bank_holds_thousands_of_whole_messages(written):
    assert len(written) >= 3_000
    assert (written["text"].str.len() > 0).all()
    # Short and long: search-box queries and rambling messages of several sentences.
    words = written["text"].str.split().str.len()
    assert (words <= 3).sum() >= 50 and (words >= 25).sum() >= 50


def test_no_message_is_written_twice(written):
    keys = written["text"].map(norm)
    assert sorted(set(keys[keys.duplicated()])) == []


def test_every_label_in_every_language(written):
    labels = set(schema.ALL_TOPICS) | {schema.NO_AD_TOPIC}
    assert set(written["topic"]) == labels
    for code in schema.CHAT_LANGUAGES:
        part = written[written["language"] == code]
        assert set(part["topic"]) == labels, code
        kinds = part["kind"].value_counts()
        assert set(kinds.index) == set(bank.KINDS), code
        assert kinds["hard_negative"] >= 25 and kinds["no_topic"] >= 60, code
        # Meta's seven sensitive topics at least twice each in every language.
        sensitive = part[part["kind"] == "sensitive"]["topic"].value_counts()
        assert (sensitive.reindex(schema.SENSITIVE_META7).fillna(0) >= 2).all(), code
    english = written[(written["language"] == "en") & (written["kind"] == "everyday")]
    assert english["topic"].value_counts().reindex(schema.EVERYDAY_TOPICS).min() >= 10


def test_languages_roughly_at_the_models_shares(written):
    shares = written["language"].value_counts(normalize=True)
    for code, share in tm.LANGUAGE_SHARES.items():
        assert abs(shares[code] - share) < 0.08, (code, shares[code])


def test_written_in_several_voices(written):
    sittings = written.groupby("language")["sitting"].nunique()
    assert sittings["en"] >= 5
    assert (sittings.drop("en") >= 3).all(), sittings


def test_lookalikes_are_never_labelled_sensitive(written):
    hard = written[written["kind"] == "hard_negative"]
    assert len(hard) >= 200
    assert not hard["topic"].isin(schema.SENSITIVE_GDPR9).any()
    assert hard["topic"].isin(schema.EVERYDAY_TOPICS).sum() >= 100


# --- split and training text ------------------------------------------------------------------
def test_split_is_stable_disjoint_and_holds_out_about_a_fifth(written):
    train, held = chat_corpus.bank_split(False), chat_corpus.bank_split(True)
    assert len(train) + len(held) == len(written)
    assert not set(train["text"]) & set(held["text"])
    assert 0.12 < len(held) / len(written) < 0.28
    for code in schema.CHAT_LANGUAGES:
        assert (held["language"] == code).sum() >= 50, code
    pd.testing.assert_frame_equal(held, chat_corpus.bank_split(True))


def test_make_bank_gives_each_message_as_written_then_styled_forms():
    train = chat_corpus.bank_split(False)
    texts, labels, langs = chat_corpus.make_bank(len(train) + 4_000, 5)
    first = pd.DataFrame({"text": texts[:len(train)], "topic": labels[:len(train)],
                          "language": langs[:len(train)]})
    # Every training message once as written, with its label and language.
    pd.testing.assert_frame_equal(
        first.sort_values("text").reset_index(drop=True),
        train[["text", "topic", "language"]].sort_values("text").reset_index(drop=True))
    styled = texts[len(train):]
    assert len(styled) == 4_000
    # Styled draws: many lower-cased, typed or spoken forms that were not written as such.
    assert within(styled, train["text"]).mean() < 0.8
    again = chat_corpus.make_bank(len(train) + 4_000, 5)
    assert list(again[0]) == list(texts)
    small = chat_corpus.make_bank(100, 5)
    assert len(small[0]) == 100 and within(small[0], train["text"]).all()
    assert len(chat_corpus.make_bank(0, 5)[0]) == 0


def test_training_text_carries_the_bank_and_calibration_its_held_out_part(training_text,
                                                                         calibration_text):
    train_texts, train_labels = training_text
    written, held = chat_corpus.bank_split(False), chat_corpus.bank_split(True)
    assert within(written["text"], train_texts).all()
    found = pd.Series(train_labels, index=train_texts)
    sample = written.sample(200, random_state=0)
    assert (found.groupby(level=0).first().loc[sample["text"]].to_numpy()
            == sample["topic"].to_numpy()).all()
    # Held-out messages are kept out of training and calibrate the threshold instead.
    assert within(held["text"], train_texts).mean() < 0.02
    assert within(held["text"], calibration_text.texts).all()


def test_a_change_to_the_bank_retrains_the_model_and_makes_stored_work_stale(tmp_path,
                                                                            monkeypatch):
    from adlens import artifacts

    names = {f"chat_corpus/bank/{p.name}" for p in bank.files()}
    assert names and names <= set(artifacts.PRODUCERS)
    assert "chat_corpus/bank.py" in artifacts.PRODUCERS
    for p in bank.files():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    monkeypatch.setattr(bank, "FOLDER", tmp_path)
    before = tm._cache_path(tm.MODEL_VERSION)
    first = sorted(tmp_path.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "one more message\n", encoding="utf-8")
    assert tm._cache_path(tm.MODEL_VERSION) != before
