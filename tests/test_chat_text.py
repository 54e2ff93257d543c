"""Tests for the chat and conversation text generator (adlens.chat_text)."""

from __future__ import annotations

import numpy as np
import pytest

from adlens import chat_text, schema

TOPICS = np.array(schema.ALL_TOPICS, dtype=object)


def _topics(n: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).choice(TOPICS, n)


def _clean_texts(topic: str) -> set[str]:
    """Every message the generator can write for `topic` without typos, mixing or ambiguity."""
    texts = set(chat_text.TOPIC_MESSAGES[topic])
    texts |= {t.format(x=x) for x in chat_text.TOPIC_PHRASES[topic]
              for t in chat_text.PHRASE_TEMPLATES[chat_text.phrase_kind(x)]}
    texts |= {t.format(x=x) for t in chat_text.ITEM_TEMPLATES for x in chat_text.TOPIC_ITEMS[topic]}
    return texts | {t.rstrip("?") for t in texts}


def test_every_topic_has_vocabulary() -> None:
    for topic in schema.ALL_TOPICS:
        assert len(chat_text.TOPIC_PHRASES[topic]) >= 5, topic
        assert len(chat_text.TOPIC_MESSAGES[topic]) >= 4, topic
        assert topic in chat_text.TOPIC_ITEMS, topic
    for topic in schema.EVERYDAY_TOPICS:
        assert len(chat_text.TOPIC_PHRASES[topic]) >= 10, topic
        assert len(chat_text.TOPIC_ITEMS[topic]) >= 6, topic


def test_same_rng_state_gives_same_texts_and_other_seed_differs() -> None:
    topics = _topics(2000)
    a = chat_text.make_chat_texts(topics, np.random.default_rng(42))
    b = chat_text.make_chat_texts(topics, np.random.default_rng(42))
    c = chat_text.make_chat_texts(topics, np.random.default_rng(43))
    assert a.tolist() == b.tolist()
    assert (a != c).mean() > 0.5


def test_one_non_empty_string_per_topic() -> None:
    topics = _topics(5000, seed=1)
    texts = chat_text.make_chat_texts(topics, np.random.default_rng(1))
    assert texts.shape == topics.shape
    assert all(isinstance(t, str) and t.strip() for t in texts)
    assert chat_text.make_chat_texts(np.array([], dtype=object),
                                     np.random.default_rng(1)).shape == (0,)


def test_integer_topic_codes_give_the_same_texts_as_ids() -> None:
    topics = _topics(500, seed=2)
    codes = np.array([schema.ALL_TOPICS.index(t) for t in topics])
    by_id = chat_text.make_chat_texts(topics, np.random.default_rng(3))
    by_code = chat_text.make_chat_texts(codes, np.random.default_rng(3))
    assert by_id.tolist() == by_code.tolist()


def test_unknown_topic_is_rejected() -> None:
    with pytest.raises(ValueError, match="knitting"):
        chat_text.make_chat_texts(np.array(["hiking", "knitting"], dtype=object),
                                  np.random.default_rng(0))


def test_clean_messages_come_from_the_documented_vocabulary() -> None:
    topics = _topics(3000, seed=4)
    texts = chat_text.make_chat_texts(topics, np.random.default_rng(4), mix_rate=0,
                                      typo_rate=0, ambiguous_rate=0, lower_rate=0,
                                      filler_rate=0)
    allowed = {t: _clean_texts(t) for t in schema.ALL_TOPICS}
    outside = [(t, x) for t, x in zip(topics, texts, strict=True) if x not in allowed[t]]
    assert outside == []


def test_typos_mixing_and_ambiguity_change_messages() -> None:
    topics = _topics(4000, seed=5)
    texts = chat_text.make_chat_texts(topics, np.random.default_rng(5), mix_rate=0.2,
                                      typo_rate=0.1, ambiguous_rate=0.1, lower_rate=0,
                                      filler_rate=0)
    allowed = {t: _clean_texts(t) for t in schema.ALL_TOPICS}
    ambiguous = {text for text, _ in chat_text.AMBIGUOUS_MESSAGES}
    plain = np.array([x in allowed[t] for t, x in zip(topics, texts, strict=True)])
    is_ambiguous = np.array([x.rstrip("?") in {a.rstrip("?") for a in ambiguous}
                             for x in texts])
    assert 0.05 < is_ambiguous.mean() < 0.15
    # Mixing (~18% of the rest) and typos (10% of people) leave most messages untouched.
    assert 0.55 < plain.mean() < 0.85


def test_ambiguous_messages_fit_their_label() -> None:
    topics = _topics(2000, seed=6)
    texts = chat_text.make_chat_texts(topics, np.random.default_rng(6), mix_rate=0,
                                      typo_rate=0, ambiguous_rate=1.0, lower_rate=0,
                                      filler_rate=0)
    fits = {}
    for text, labels in chat_text.AMBIGUOUS_MESSAGES:
        for variant in (text, text.rstrip("?")):
            fits.setdefault(variant, set()).update(labels)
    for topic, text in zip(topics, texts, strict=True):
        if text in fits:
            assert topic in fits[text], (topic, text)
        else:  # topics no ambiguous message fits keep a clean message
            assert text in _clean_texts(topic), (topic, text)


def test_messages_are_varied() -> None:
    hiking = np.full(3000, "hiking", dtype=object)
    texts = chat_text.make_chat_texts(hiking, np.random.default_rng(7))
    assert len(set(texts)) > 300
    assert any("planning a hiking trip in the alps, which boots should i get" in t.lower()
               for t in texts)
    assert sum(t.rstrip().endswith("?") for t in texts) > 300  # questions
    assert sum(not t.rstrip().endswith("?") for t in texts) > 300  # and statements


def test_typo_rate_zero_means_no_misspelling() -> None:
    topics = _topics(3000, seed=8)
    clean = chat_text.make_chat_texts(topics, np.random.default_rng(8), typo_rate=0)
    sloppy = chat_text.make_chat_texts(topics, np.random.default_rng(8), typo_rate=0.5)
    wrong = [w for _, w in chat_text.MISSPELLINGS if " " not in w and len(w) > 3]
    def count(texts: np.ndarray) -> int:
        return sum(any(f" {w} " in f" {t.lower()} " for w in wrong) for t in texts)
    assert count(clean) == 0
    assert count(sloppy) > 100


def test_conversation_texts_name_a_person_and_a_topic_phrase() -> None:
    topics = _topics(1000, seed=9)
    texts = chat_text.make_conversation_texts(topics, np.random.default_rng(9), typo_rate=0)
    people = [p.lower() for p in chat_text.PEOPLE]
    for topic, text in zip(topics, texts, strict=True):
        low = text.lower()
        assert any(p in low for p in people), text
        assert any(x.lower() in low for x in chat_text.TOPIC_PHRASES[topic]), (topic, text)
    assert np.mean([t[0].isupper() for t in texts]) > 0.8


def test_fillers_are_openers_or_closers_around_a_clean_message() -> None:
    topics = _topics(2000, seed=10)
    texts = chat_text.make_chat_texts(topics, np.random.default_rng(10), mix_rate=0,
                                      typo_rate=0, ambiguous_rate=0, lower_rate=0,
                                      filler_rate=1.0)
    allowed = {t: _clean_texts(t) for t in schema.ALL_TOPICS}
    def variants(text: str) -> set[str]:
        out = {text} | {text.removeprefix(o) for o in chat_text.OPENERS}
        return out | {v.removesuffix(c) for v in out for c in chat_text.CLOSERS}

    assert all(variants(x) & allowed[t] for t, x in zip(topics, texts, strict=True))
    stripped = [min(variants(x) & allowed[t], key=len) for t, x in zip(topics, texts,
                                                                        strict=True)]
    assert np.mean([x != s for x, s in zip(texts, stripped, strict=True)]) > 0.6


def test_phrase_kinds_choose_fitting_frames() -> None:
    assert chat_text.phrase_kind("my tax return") == "personal"
    assert chat_text.phrase_kind("whether free will is real") == "question"
    assert chat_text.phrase_kind("waterproof hiking boots") == "thing"
    topics = np.full(3000, "philosophy", dtype=object)
    texts = chat_text.make_chat_texts(topics, np.random.default_rng(11), typo_rate=0)
    assert not any("tips for whether" in t.lower() for t in texts)
    assert any("wondering whether free will is real" in t.lower() for t in texts)


def test_vocabulary_id_is_a_stable_hash() -> None:
    assert len(chat_text.VOCABULARY_ID) == 12
    assert chat_text.VOCABULARY_ID == chat_text._vocabulary_id()
