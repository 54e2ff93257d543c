"""The measurement on public intent corpora (bench/public_intents.py): its intent maps, its
reading of a corpus copy, its figures, and "not available" when no copy is given; and the
sensitive hold on consumer health questions (TREC 2017 LiveQA medical, MEDIQA 2019).

The corpora themselves are not in the project: the tests build tiny stand-ins in their layout.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adlens import schema
from adlens import text_model as tm
from bench import public_intents as pub

LABELS = set(schema.EVERYDAY_TOPICS) | {pub.NO_TOPIC}


def test_intent_maps_use_only_everyday_topics_or_no_topic():
    for mapping in (pub.CLINC_MAP, pub.SNIPS_MAP):
        used = {label for label in mapping.values() if label is not None}
        assert used <= LABELS, used - LABELS
    # CLINC150 has 150 intents, each in exactly one group.
    assert len(pub.CLINC_MAP) == 150
    assert sum(len(v.split()) for v in pub._CLINC_GROUPS.values()) == 150


class _KeywordModel:
    """A stand-in model: the topic is the first known word of the text; "pray" is sensitive."""

    words = {"song": "music", "bill": "personal_finance", "table": "cooking"}

    def infer(self, texts):
        codes, p = [], []
        for text in texts:
            topic = next((t for w, t in self.words.items() if w in text), None)
            codes.append(tm.TOPIC_INDEX[topic] if topic else tm.NO_TOPIC)
            p.append(0.9 if "pray" in text else 0.01)
        return np.array(codes), {"meta7": np.array(p)}

    def flag_sensitive(self, codes, p_list, sensitive_list, threshold=None):
        return np.asarray(p_list) >= 0.5


def _clinc(folder: Path) -> Path:
    (folder / "data").mkdir(parents=True)
    data = {
        "test": [["play that song", "play_music"], ["pay the bill", "pay_bill"],
                 ["pay the gas bill please", "pay_bill"], ["set a timer", "timer"],
                 ["a song for the timer", "timer"], ["pray for a table", "recipe"],
                 ["what vaccines for peru", "vaccines"]],
        "oos_test": [["how tall is a giraffe", "oos"], ["pray now", "oos"]],
    }
    (folder / "data" / "data_full.json").write_text(json.dumps(data))
    return folder


def test_figures_on_a_stand_in_clinc_copy(tmp_path):
    frame = pub.load_clinc(_clinc(tmp_path))
    assert frame["label"].isna().sum() == 3  # vaccines (left out) and two out-of-scope
    got = pub.measure(_KeywordModel(), frame)
    assert got["messages_mapped"] == 6
    # With an ad topic: song right, two bills right, "pray for a table" read as cooking.
    assert got["topic_accuracy"] == 1.0
    assert got["no_topic_recall"] == 0.5  # "a song for the timer" was given a topic
    assert got["held_back"] == pytest.approx(1 / 6)
    assert got["out_of_scope_no_topic"] == 1.0 and got["out_of_scope_held_back"] == 0.5
    assert got["accuracy:personal_finance"] == 1.0


def test_snips_utterances_are_joined_from_their_parts(tmp_path):
    for intent in pub.SNIPS_MAP:
        folder = tmp_path / "2017-06-custom-intent-engines" / intent
        folder.mkdir(parents=True)
        item = {"data": [{"text": "add "}, {"text": "this song", "entity": "x"}]}
        (folder / f"validate_{intent}.json").write_text(json.dumps({intent: [item, item]}))
    frame = pub.load_snips(tmp_path)
    assert len(frame) == 2 * len(pub.SNIPS_MAP)
    assert set(frame["text"]) == {"add this song"}


def test_training_overlap_counts_requests_equal_to_a_training_message(tmp_path):
    frame = pub.load_clinc(_clinc(tmp_path))
    sentences = pub.clinc_sentences(tmp_path)
    trained = ["Play that song!", "pay the gas bill, please", "how tall is a giraffe", "ok"]
    model = _KeywordModel()
    got = pub.training_overlap(frame, sentences, model, trained,
                               pub.measure(model, frame)["topic_accuracy"])
    # Longer than a stock phrase and equal to a sentence of any split: the gas bill, the giraffe.
    assert got["training_messages_equal_to_a_corpus_sentence"] == 2
    # Of the four requests with an ad topic, the song and the gas bill were trained on.
    assert got["requests_with_a_topic_equal_to_a_training_message"] == 2
    # Read without them: "pay the bill" and "pray for a table", both read right.
    assert got["topic_accuracy_without_them"] == 1.0
    class _BillsAsMusic(_KeywordModel):
        words = {**_KeywordModel.words, "bill": "music"}

    wrong_model = _BillsAsMusic()
    wrong = pub.training_overlap(frame, sentences, wrong_model, trained,
                                 pub.measure(wrong_model, frame)["topic_accuracy"])
    assert wrong["topic_accuracy_without_them"] == 0.5


def test_not_available_without_a_copy(monkeypatch, tmp_path):
    monkeypatch.setattr(pub, "_model_text", lambda: ["play that song"])
    monkeypatch.delenv(pub.CLINC_ENV, raising=False)
    assert pub.corpus_figures("clinc150", model=_KeywordModel()) is None
    monkeypatch.setenv(pub.CLINC_ENV, str(tmp_path / "missing"))
    assert pub.corpus_figures("clinc150", model=_KeywordModel()) is None
    monkeypatch.setenv(pub.CLINC_ENV, str(_clinc(tmp_path / "copy")))
    assert pub.corpus_figures("clinc150", model=_KeywordModel())["messages_mapped"] == 6


def test_bank_copies_finds_a_corpus_sentence_retyped(tmp_path):
    sentences = pub.clinc_sentences(_clinc(tmp_path))
    assert "how tall is a giraffe" in sentences and "play that song" in sentences  # all splits
    written = ["How tall is a GIRAFFE?!", "pay the gas bill, please", "pay the bill",
               "how tall is a camel"]
    # Re-typed with other case and punctuation: found; a three-word stock phrase is not counted.
    assert pub.bank_copies(sentences, written) == ["How tall is a GIRAFFE?!",
                                                   "pay the gas bill, please"]


def test_snips_sentences_read_training_and_validation_files(tmp_path):
    folder = tmp_path / "2017-06-custom-intent-engines" / "PlayMusic"
    folder.mkdir(parents=True)
    for name, text in (("train_PlayMusic.json", "put on some jazz"),
                       ("validate_PlayMusic.json", "play the blues")):
        item = {"data": [{"text": text}]}
        (folder / name).write_bytes(json.dumps({"PlayMusic": [item]}).encode() + b"\xed")
    assert pub.snips_sentences(tmp_path) == {"put on some jazz", "play the blues"}


# --- consumer health questions: stand-in copies in the corpora's layout, our own wording ----
def _write(folder: Path, path: str, xml: str) -> None:
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(xml, encoding="utf-8")


def _liveqa(folder: Path) -> Path:
    questions = [("Sore knee", "my knee\thurts when\n I climb stairs, why?"),
                 ("", "is ibuprofen safe with coffee"),
                 ("sore KNEE", "My knee hurts when I climb stairs... why"),  # a duplicate
                 ("", "  "),  # empty
                 ("Rash", "red spots on my arm after the hike")]
    body = "".join(
        f'<NLM-QUESTION qid="Q{i}"><Original-Question qfile="{i}.txt"><SUBJECT>{s}</SUBJECT>'
        f"<MESSAGE>{m}</MESSAGE></Original-Question><NIST-PARAPHRASE>what causes a rash"
        f"</NIST-PARAPHRASE></NLM-QUESTION>" for i, (s, m) in enumerate(questions))
    _write(folder, pub.LIVEQA_TEST, f"<Test>{body}</Test>")
    return folder


def _mediqa(folder: Path) -> Path:
    alexa = ["What is a cold?", "what is a COLD", "How is gout treated?", ""]
    _write(folder, pub.MEDIQA_ALEXA, "<Set>" + "".join(
        f'<Question QID="{i}"><QuestionText>{q}</QuestionText><AnswerList/></Question>'
        for i, q in enumerate(alexa)) + "</Set>")
    chq = [["Asthma. can my inhaler be used every day by a child of six",
            "can my inhaler be used every day by a child of six"],  # the same without a subject
           ["how long does a migraine last", "is ibuprofen safe with coffee"]]
    for path, questions in zip(pub.MEDIQA_CHQ, chq, strict=True):
        _write(folder, path, "<Pairs>" + "".join(
            f'<pair pid="{i}" value="true"><chq>{q}</chq><faq>an faq {i}</faq></pair>'
            for i, q in enumerate(questions)) + "</Pairs>")
    return folder


def test_liveqa_med_message_is_the_subject_and_message_as_sent(tmp_path):
    frame = pub.load_liveqa_med(_liveqa(tmp_path))
    assert list(frame["text"]) == ["Sore knee\nmy knee hurts when I climb stairs, why?",
                                   "is ibuprofen safe with coffee",
                                   "Rash\nred spots on my arm after the hike"]
    assert set(frame["label"]) == {"health"} and set(frame["source"]) == {"liveqa_med"}
    sentences = pub.liveqa_med_sentences(tmp_path)
    assert {"Sore knee", "is ibuprofen safe with coffee", "what causes a rash"} <= sentences


def test_mediqa_reads_the_alexa_questions_and_the_consumer_questions(tmp_path):
    frame = pub.load_mediqa(_mediqa(tmp_path))
    by_source = frame.groupby("source")["text"].apply(list).to_dict()
    assert by_source == {
        "mediqa_alexa": ["What is a cold?", "How is gout treated?"],
        "mediqa_chq": ["Asthma. can my inhaler be used every day by a child of six",
                       "how long does a migraine last", "is ibuprofen safe with coffee"]}
    assert set(frame["label"]) == {"health"}
    sentences = pub.mediqa_sentences(tmp_path)
    assert {"What is a cold?", "how long does a migraine last", "an faq 0"} <= sentences


class _HealthModel:
    """A stand-in model: "pain" or "ibuprofen" read as health, "knee" as sports, else no ad
    topic; held back when it says "knee" or "ibuprofen"."""

    def infer(self, texts):
        codes = [tm.TOPIC_INDEX["health"] if ("pain" in t or "ibuprofen" in t) else
                 tm.TOPIC_INDEX["sports"] if "knee" in t else tm.NO_TOPIC for t in texts]
        held = [0.9 if ("knee" in t or "ibuprofen" in t) else 0.01 for t in texts]
        return np.array(codes), {"meta7": np.array(held)}

    def flag_sensitive(self, codes, p_list, sensitive_list, threshold=None):
        return np.asarray(p_list) >= 0.5


def test_measure_sensitive_counts_caught_with_an_exact_interval(tmp_path):
    from scipy import stats

    frame = pd.concat([pub.load_liveqa_med(_liveqa(tmp_path / "l")),
                       pub.load_mediqa(_mediqa(tmp_path / "m"))], ignore_index=True)
    got = pub.measure_sensitive(_HealthModel(), frame)
    # LiveQA: the knee and ibuprofen questions caught, the rash missed (no ad topic).
    assert (got["liveqa_med:messages"], got["liveqa_med:caught"]) == (3, 2)
    assert got["liveqa_med:caught_share"] == pytest.approx(2 / 3)
    assert got["liveqa_med:missed_as:no_ad_topic"] == 1
    assert got["liveqa_med:read_as_health"] == pytest.approx(1 / 3)
    assert got["mediqa_alexa:caught"] == 0 and got["mediqa_alexa:missed_as:no_ad_topic"] == 2
    assert (got["mediqa_chq:messages"], got["mediqa_chq:caught"]) == (3, 1)
    # Over all: the ibuprofen question, in both copies, counted once (7 messages, 2 caught).
    assert (got["all:messages"], got["all:caught"]) == (7, 2)
    ci = stats.binomtest(2, 7).proportion_ci(0.95, method="exact")
    assert (got["all:caught_ci_low"], got["all:caught_ci_high"]) == pytest.approx(
        (ci.low, ci.high))
    assert got["all:caught_ci_low"] < 2 / 7 < got["all:caught_ci_high"]
    assert sum(v for k, v in got.items() if k.startswith("all:missed_as:")) == 5


def test_health_corpora_say_which_copy_is_missing(monkeypatch, tmp_path):
    monkeypatch.delenv(pub.LIVEQA_ENV, raising=False)
    monkeypatch.setenv(pub.MEDIQA_ENV, str(tmp_path / "missing"))
    assert pub.health_figures(model=_HealthModel()) is None
    assert pub.missing_health_corpora() == [
        "liveqa_med: not available (set ADLENS_LIVEQA_MED to a local copy)",
        "mediqa: not available (set ADLENS_MEDIQA to a local copy)"]
    monkeypatch.setenv(pub.LIVEQA_ENV, str(_liveqa(tmp_path / "copy")))
    monkeypatch.setattr(pub, "project_copies", lambda sentences: {"copies": len(sentences) > 0})
    figures = pub.health_figures(model=_HealthModel())
    assert figures["all:messages"] == 3 and "mediqa_alexa:messages" not in figures
    assert figures["liveqa_med:copies"] is True
    assert pub.missing_health_corpora() == [
        "mediqa: not available (set ADLENS_MEDIQA to a local copy)"]


def test_project_copies_finds_a_validation_or_training_message_retyped(monkeypatch):
    validation = pd.read_csv(tm.VALIDATION_CSV, dtype=str, keep_default_na=False)["text"]
    message = next(t for t in validation if len(t.split()) > pub.STOCK_PHRASE_WORDS)
    # The training text stands in small (building it takes seconds): one message planted.
    monkeypatch.setattr(pub, "_model_text", lambda: ["can a cat eat raw pumpkin seeds", "ok"])
    got = pub.project_copies({message.upper() + "?!", "a question of our own about gout",
                              "Can a cat eat raw pumpkin seeds?", "OK"})
    assert got["validation_messages_equal_to_a_corpus_sentence"] == 1
    assert got["training_messages_equal_to_a_corpus_sentence"] == 1  # "ok": a stock phrase
    assert got["bank_messages_equal_to_a_corpus_sentence"] == 0
    assert {k: v for k, v in got.items() if k.startswith("sealed")} == {
        "sealed_messages_equal_to_a_corpus_sentence": 0,
        "sealed_v2_messages_equal_to_a_corpus_sentence": 0,
        "sealed_v3_messages_equal_to_a_corpus_sentence": 0,
        "sealed_v4_messages_equal_to_a_corpus_sentence": 0,
        "sealed_v5_messages_equal_to_a_corpus_sentence": 0,
        "sealed_v6_messages_equal_to_a_corpus_sentence": 0}


def test_bench_case_says_which_health_copy_is_missing(monkeypatch, tmp_path):
    from bench import cases_text

    monkeypatch.delenv(pub.LIVEQA_ENV, raising=False)
    monkeypatch.delenv(pub.MEDIQA_ENV, raising=False)
    assert cases_text.public_health()["detail"] == {
        "liveqa_med": "not available (set ADLENS_LIVEQA_MED to a local copy)",
        "mediqa": "not available (set ADLENS_MEDIQA to a local copy)"}
    monkeypatch.setenv(pub.MEDIQA_ENV, str(_mediqa(tmp_path)))
    monkeypatch.setattr(pub, "project_copies", lambda sentences: {})
    monkeypatch.setattr("adlens.text_model.load_text_model", lambda: _HealthModel())
    detail = cases_text.public_health()["detail"]
    assert detail["mediqa_chq:messages"] == 3 and detail["all:caught_share"] == 0.2
    assert detail["liveqa_med"].startswith("not available") and "mediqa" not in detail
