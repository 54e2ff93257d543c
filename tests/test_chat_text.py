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


def _clean_texts_in(lang: str, topic: str) -> set[str]:
    """Every clean message in `lang` for `topic` (any frame with any phrase: a superset)."""
    vocab = chat_text.VOCABULARY[lang]
    frames = {t for kind in vocab["templates"].values() for t in kind}
    texts = set(vocab["messages"][topic])
    texts |= {t.format(x=x) for x in vocab["phrases"][topic] for t in frames}
    texts |= {t.format(x=x) for t in vocab.get("item_templates", ())
              for x in vocab.get("items", {}).get(topic, ())}
    for joined, contracted in vocab.get("contractions", ()):
        texts = {t.replace(joined, contracted) for t in texts}
    return texts | {t.rstrip("?") for t in texts}


def test_every_language_has_phrases_and_messages_for_every_topic_and_no_topic() -> None:
    assert set(chat_text.VOCABULARY) == set(schema.CHAT_LANGUAGES)
    for lang, vocab in chat_text.VOCABULARY.items():
        for topic in (*schema.ALL_TOPICS, schema.NO_AD_TOPIC):
            assert len(vocab["phrases"][topic]) >= 5, (lang, topic)
            assert len(vocab["messages"][topic]) >= 3, (lang, topic)


def test_no_ad_topic_is_code_minus_one_and_is_not_a_topic() -> None:
    assert schema.NO_AD_TOPIC not in schema.ALL_TOPICS
    n = 1000
    by_id = chat_text.make_chat_texts(np.full(n, schema.NO_AD_TOPIC, dtype=object),
                                      np.random.default_rng(12), mix_rate=0, typo_rate=0,
                                      lower_rate=0, filler_rate=0)
    by_code = chat_text.make_chat_texts(np.full(n, -1), np.random.default_rng(12), mix_rate=0,
                                        typo_rate=0, lower_rate=0, filler_rate=0)
    assert by_id.tolist() == by_code.tolist()
    allowed = _clean_texts_in("en", schema.NO_AD_TOPIC)
    assert all(t in allowed for t in by_id)
    # Writing help and general questions, not a topic's phrases.
    topic_phrases = {x.lower() for t in schema.ALL_TOPICS for x in chat_text.TOPIC_PHRASES[t]}
    assert not any(x in t.lower() for t in by_id for x in topic_phrases)
    with pytest.raises(ValueError):
        chat_text.make_chat_texts(np.array([-2]), np.random.default_rng(0))
    with pytest.raises(ValueError):  # ads and other topic columns still refuse "no topic"
        chat_text.topic_codes(np.array([schema.NO_AD_TOPIC], dtype=object))


@pytest.mark.parametrize("lang", schema.CHAT_LANGUAGES)
def test_messages_in_each_language_come_from_its_vocabulary(lang: str) -> None:
    rng = np.random.default_rng(13)
    topics = rng.choice(np.array([*schema.ALL_TOPICS, schema.NO_AD_TOPIC], dtype=object), 3000)
    texts = chat_text.make_chat_texts(topics, rng, languages=np.full(3000, lang), mix_rate=0,
                                      typo_rate=0, ambiguous_rate=0, lower_rate=0,
                                      filler_rate=0, no_accent_rate=0)
    allowed = {t: _clean_texts_in(lang, t) for t in (*schema.ALL_TOPICS, schema.NO_AD_TOPIC)}
    outside = [(t, x) for t, x in zip(topics, texts, strict=True) if x not in allowed[t]]
    assert outside == []


def test_languages_are_written_per_row_and_checked() -> None:
    rng = np.random.default_rng(14)
    n = 4000
    topics = rng.integers(-1, len(schema.ALL_TOPICS), n)
    langs = rng.choice(np.array(schema.CHAT_LANGUAGES, dtype=object), n)
    texts = chat_text.make_chat_texts(topics, rng, languages=langs,
                                      secondary=rng.integers(-1, len(schema.ALL_TOPICS), n))
    assert all(isinstance(t, str) and t.strip() for t in texts)
    # Marker words only the Spanish, Portuguese or Hindi-English frames and messages use.
    markers = {"es": ("qué", "que", "sobre", "con", "de", "un", "una", "para"),
               "pt": ("você", "sobre", "com", "de", "um", "uma", "para", "que"),
               "hi-en": ("ke", "ki", "kya", "hai", "mein", "karu", "batao")}
    for lang, words in markers.items():
        mine = texts[langs == lang]
        has = np.mean([any(f" {w} " in f" {t.lower()} " for w in words) for t in mine])
        english = np.mean([any(f" {w} " in f" {t.lower()} " for w in words)
                           for t in texts[langs == "en"]])
        assert has > 0.6 and english < 0.2, (lang, has, english)
    with pytest.raises(ValueError, match="fr"):
        chat_text.make_chat_texts(topics[:2], rng, languages=np.array(["en", "fr"]))
    with pytest.raises(ValueError):
        chat_text.make_chat_texts(topics[:2], rng, languages=np.array(["en"]))


def test_spanish_and_portuguese_drop_accents_at_the_stated_rate() -> None:
    topics = np.full(3000, "health", dtype=object)
    for rate in (0.0, 1.0):
        texts = chat_text.make_chat_texts(topics, np.random.default_rng(15),
                                          languages=np.full(3000, "es"), no_accent_rate=rate,
                                          typo_rate=0)
        accented = np.mean([any(c in t for c in "áéíóúñ¿") for t in texts])
        assert (accented > 0.3) if rate == 0 else (accented == 0)


def test_conversations_in_other_languages_and_about_nothing_in_particular() -> None:
    rng = np.random.default_rng(16)
    langs = np.array(["es", "pt", "hi-en", "en"] * 50, dtype=object)
    texts = chat_text.make_conversation_texts(np.full(200, -1), rng, languages=langs,
                                              typo_rate=0)
    for lang in schema.CHAT_LANGUAGES:
        vocab = chat_text.VOCABULARY[lang]
        people = [p.lower() for p in vocab["people"]]
        small_talk = [x.lower() for x in vocab["conversation_no_topic"]]
        for text in texts[langs == lang]:
            assert any(p in text.lower() for p in people), text
            assert any(x in text.lower() for x in small_talk), text
