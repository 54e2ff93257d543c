"""The measurement on public intent corpora (bench/public_intents.py): its intent maps, its
reading of a corpus copy, its figures, and "not available" when no copy is given.

The corpora themselves are not in the project: the tests build tiny stand-ins in their layout.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
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


def test_not_available_without_a_copy(monkeypatch, tmp_path):
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
