"""The chat topic model measured on public intent corpora (CLINC150, SNIPS): real people's
requests to assistants, read from a local copy the project does not hold; and its sensitive
hold measured on public consumer health questions (TREC 2017 LiveQA medical, MEDIQA 2019),
every one of which is about health, a topic on Meta's sensitive list.

Each corpus is a folder given by an environment variable: a git checkout or a bare git
directory (read at HEAD). Only the intent-to-topic maps and the choice of files below are the
project's; no sentence of a corpus is stored here. Run: `ADLENS_CLINC150=... ADLENS_SNIPS=...
ADLENS_LIVEQA_MED=... ADLENS_MEDIQA=... python -m bench.public_intents`.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from adlens.engine import (
    SEALED_V2_CSV,
    SEALED_V3_CSV,
    SEALED_V4_CSV,
    SEALED_V5_CSV,
    SEALED_V6_CSV,
)

NO_TOPIC = "no_ad_topic"
CLINC_ENV, SNIPS_ENV = "ADLENS_CLINC150", "ADLENS_SNIPS"

# CLINC150 intent -> AdLens label. Requests to run the assistant, the phone or the calendar
# carry no ad interest; banking, cards, pay and tax are personal finance; car upkeep is cars.
# Left out (None): intents that could fairly read as two labels (e.g. travel vaccines: travel
# or health; the meaning of life: no topic or philosophy; orders: no topic or shopping).
_CLINC_GROUPS: dict[str | None, str] = {
    "personal_finance": """freeze_account routing pin_change bill_due pay_bill account_blocked
        interest_rate min_payment bill_balance transfer order_checks balance spending_history
        transactions report_fraud replacement_card_duration expiration_date damaged_card
        improve_credit_score report_lost_card card_declined credit_limit_change apr
        redeem_rewards credit_limit rewards_balance application_status credit_score new_card
        international_fees taxes income rollover_401k payday direct_deposit w2""",
    "cooking": """food_last confirm_reservation how_busy ingredients_list recipe
        restaurant_reviews restaurant_reservation meal_suggestion restaurant_suggestion
        cancel_reservation ingredient_substitution cook_time accept_reservations""",
    "music": "what_song play_music update_playlist next_song",
    "cars": """oil_change_when oil_change_how tire_pressure schedule_maintenance mpg
        last_maintenance gas_type tire_change jump_start""",
    "travel": """plug_type travel_notification flight_status international_visa
        exchange_rate travel_suggestion travel_alert lost_luggage book_flight book_hotel
        carry_on car_rental""",
    NO_TOPIC: """translate todo_list_update reminder reminder_update calendar_update
        shopping_list calendar todo_list shopping_list_update current_location uber traffic
        distance directions gas weather alarm date share_location timer make_call calculator
        definition measurement_conversion flip_coin spelling time roll_dice text
        pto_request_status next_holiday meeting_schedule pto_balance pto_request
        schedule_meeting pto_used who_made_you who_do_you_work_for do_you_have_pets
        what_are_your_hobbies fun_fact what_is_your_name where_are_you_from goodbye thank_you
        greeting tell_joke are_you_a_bot how_old_are_you what_can_i_ask_you change_speed
        user_name whisper_mode yes change_volume no change_language repeat change_accent
        cancel change_user_name change_ai_name reset_settings maybe""",
    None: """vaccines meaning_of_life order order_status smart_home find_phone sync_device
        timezone calories nutrition_info insurance insurance_change""",
}
CLINC_MAP: dict[str, str | None] = {intent: label for label, intents in _CLINC_GROUPS.items()
                                    for intent in intents.split()}
# SNIPS (2017 custom-intent benchmark) intent -> AdLens label; a "creative work" may be a film,
# a book, a song or a game, so it is left out.
SNIPS_MAP: dict[str, str | None] = {
    "AddToPlaylist": "music", "PlayMusic": "music", "BookRestaurant": "cooking",
    "RateBook": "books", "SearchScreeningEvent": "movies", "GetWeather": NO_TOPIC,
    "SearchCreativeWork": None,
}


def _read(root: Path, path: str) -> str:
    """A file of a corpus copy: from the work tree when present, else from git at HEAD."""
    # Some SNIPS files hold a few bytes that are not UTF-8: they are dropped.
    if (root / path).is_file():
        return (root / path).read_bytes().decode("utf-8", "ignore")
    return subprocess.run(["git", "-C", str(root), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "ignore")


def load_clinc(root: Path) -> pd.DataFrame:
    """CLINC150's test split (columns text, intent, label); out-of-scope queries have intent
    "oos" and label NaN (they are measured on their own)."""
    data = json.loads(_read(root, "data/data_full.json"))
    rows = data["test"] + data["oos_test"]
    frame = pd.DataFrame(rows, columns=["text", "intent"])
    frame["label"] = frame["intent"].map(CLINC_MAP)
    return frame


def load_snips(root: Path) -> pd.DataFrame:
    """SNIPS's validation utterances of the seven intents (columns text, intent, label)."""
    rows = []
    for intent in SNIPS_MAP:
        raw = _read(root, f"2017-06-custom-intent-engines/{intent}/validate_{intent}.json")
        for item in json.loads(raw)[intent]:
            rows.append(("".join(part["text"] for part in item["data"]), intent))
    frame = pd.DataFrame(rows, columns=["text", "intent"])
    frame["label"] = frame["intent"].map(SNIPS_MAP)
    return frame


def clinc_sentences(root: Path) -> set[str]:
    """Every sentence of CLINC150, all splits (to check that the project copies none)."""
    data = json.loads(_read(root, "data/data_full.json"))
    return {row[0] for rows in data.values() for row in rows}


def snips_sentences(root: Path) -> set[str]:
    """Every utterance of the seven SNIPS intents, training and validation files."""
    out = set()
    for intent in SNIPS_MAP:
        for name in (f"train_{intent}.json", f"train_{intent}_full.json",
                     f"validate_{intent}.json"):
            try:
                raw = _read(root, f"2017-06-custom-intent-engines/{intent}/{name}")
            except (subprocess.CalledProcessError, FileNotFoundError):
                continue  # a stand-in copy may hold only some files
            data = json.loads(raw)[intent]
            out.update("".join(part["text"] for part in item["data"]) for item in data)
    return out


def _norm(text: str) -> str:
    return " ".join("".join(c for c in str(text).lower() if c.isalnum() or c.isspace()).split())


# Messages of up to three words ("thank you", "next song", "stop") are stock phrases that any
# two writers share: they are not counted as copies.
STOCK_PHRASE_WORDS = 3


def bank_copies(sentences: set[str], written: list[str] | None = None) -> list[str]:
    """Messages of the written bank (or of `written`) longer than a stock phrase and equal to
    a corpus sentence once case, punctuation and spacing are ignored: there must be none."""
    if written is None:
        from adlens.chat_corpus import bank

        written = list(bank.load_bank()["text"])
    corpus = {_norm(s) for s in sentences}
    return [t for t in written
            if len(_norm(t).split()) > STOCK_PHRASE_WORDS and _norm(t) in corpus]


def sealed_copies(sentences: set[str], path: Path) -> list[str]:
    """Messages of a sealed set (`path`, e.g. SEALED_V2_CSV: written apart from every text the
    model is built from) equal to a corpus sentence once case, punctuation and spacing are
    ignored (every length, stock phrases too): there must be none."""
    texts = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")["text"]
    corpus = {_norm(s) for s in sentences}
    return [t for t in texts if _norm(t) in corpus]


def measure(model, frame: pd.DataFrame) -> dict[str, float]:
    """Topic accuracy on requests with an ad topic, "no ad topic" recall, and the share held
    back as sensitive (no request of these corpora is about a sensitive topic): of all mapped
    requests, of those with an ad topic (the hand-written sets' "everyday held back") and of
    those with none; and, for CLINC150's out-of-scope queries, the share read as no ad topic
    and held back."""
    from adlens import schema
    from adlens import text_model as tm

    codes, p = model.infer(frame["text"].to_numpy(dtype=object))
    flagged = model.flag_sensitive(codes, p["meta7"], "meta7")
    predicted = np.where(codes == tm.NO_TOPIC, NO_TOPIC,
                         np.array(schema.ALL_TOPICS, dtype=object)[np.maximum(codes, 0)])
    label = frame["label"].to_numpy(dtype=object)
    mapped = pd.notna(frame["label"]).to_numpy()
    topic = mapped & (label != NO_TOPIC)
    none = mapped & (label == NO_TOPIC)
    oos = (frame["intent"] == "oos").to_numpy()
    out = {
        "messages_mapped": int(mapped.sum()),
        "topic_accuracy": float((predicted[topic] == label[topic]).mean()),
        "no_topic_recall": float((predicted[none] == NO_TOPIC).mean()) if none.any() else
        float("nan"),
        "held_back": float(flagged[mapped].mean()),
        # As the hand-written sets count "everyday held back": requests with an ad topic only.
        "held_back_with_topic": float(flagged[topic].mean()),
        "held_back_no_topic": float(flagged[none].mean()) if none.any() else float("nan"),
    }
    if oos.any():
        out["out_of_scope_no_topic"] = float((predicted[oos] == NO_TOPIC).mean())
        out["out_of_scope_held_back"] = float(flagged[oos].mean())
    for name in sorted(set(label[topic])):
        sel = topic & (label == name)
        out[f"accuracy:{name}"] = float((predicted[sel] == name).mean())
    return out


def read_right_and_held(model, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per request of a corpus frame: whether the model's topic (or "no ad topic") is the
    request's label, and whether it is held back on Meta's list (for request-by-request
    comparisons of two models)."""
    from adlens import schema
    from adlens import text_model as tm

    codes, p = model.infer(frame["text"].to_numpy(dtype=object))
    read = np.where(codes == tm.NO_TOPIC, schema.NO_AD_TOPIC,
                    np.array(schema.ALL_TOPICS, dtype=object)[np.maximum(codes, 0)])
    return read == frame["label"].to_numpy(dtype=object), model.flag_sensitive(
        codes, p["meta7"], "meta7")


CORPORA = {"clinc150": (CLINC_ENV, load_clinc), "snips": (SNIPS_ENV, load_snips)}
SENTENCES = {"clinc150": clinc_sentences, "snips": snips_sentences}


def corpus_figures(name: str, model=None) -> dict[str, float] | None:
    """The figures on one corpus, or None when its environment variable names no folder."""
    env, loader = CORPORA[name]
    folder = os.environ.get(env, "")
    if not folder or not Path(folder).exists():
        return None
    if model is None:
        from adlens import text_model as tm

        model = tm.load_text_model()
    frame = loader(Path(folder))
    figures = measure(model, frame)
    sentences = SENTENCES[name](Path(folder))
    figures["bank_messages_equal_to_a_corpus_sentence"] = len(bank_copies(sentences))
    figures.update(training_overlap(frame, sentences, model, _model_text(),
                                    figures["topic_accuracy"]))
    figures.update(sealed_copy_counts(sentences, LATER_SEALED))
    return figures


def training_overlap(frame: pd.DataFrame, sentences: set[str], model, model_text: list[str],
                     topic_accuracy: float) -> dict[str, float]:
    """Where the model's own generated text meets a corpus by chance (its templates write short
    stock requests a corpus also has): training or calibration messages longer than a stock
    phrase equal to a corpus sentence, the requests with an ad topic whose text equals a
    training message (any length), and the topic accuracy (`measure`'s, on every request with
    an ad topic) read without those requests, to show how much they could flatter it. Only
    those requests are read again."""
    trained = {_norm(t) for t in model_text}
    topic = (pd.notna(frame["label"]) & frame["label"].ne(NO_TOPIC)).to_numpy()
    seen = topic & frame["text"].map(_norm).isin(trained).to_numpy()
    n_topic, n_seen = int(topic.sum()), int(seen.sum())
    right_seen = int(read_right_and_held(model, frame[seen])[0].sum()) if n_seen else 0
    without = (round(topic_accuracy * n_topic) - right_seen) / (n_topic - n_seen) \
        if n_topic > n_seen else float("nan")
    return {"training_messages_equal_to_a_corpus_sentence": len(bank_copies(sentences,
                                                                            model_text)),
            "requests_with_a_topic_equal_to_a_training_message": n_seen,
            "topic_accuracy_without_them": without}


# The sealed sets written after the first (name -> file): each corpus's copy counts name them.
LATER_SEALED = {"sealed_v2": SEALED_V2_CSV, "sealed_v3": SEALED_V3_CSV,
                "sealed_v4": SEALED_V4_CSV, "sealed_v5": SEALED_V5_CSV,
                "sealed_v6": SEALED_V6_CSV}


def sealed_copy_counts(sentences: set[str], sets: dict[str, Path]) -> dict[str, int]:
    """Per sealed set (name -> file), how many of its messages equal a corpus sentence
    (`sealed_copies`, which returns only the matches)."""
    return {f"{name}_messages_equal_to_a_corpus_sentence": len(sealed_copies(sentences, path))
            for name, path in sets.items()}


# --- consumer health questions: every one is about health, on Meta's sensitive list ----------
LIVEQA_ENV, MEDIQA_ENV = "ADLENS_LIVEQA_MED", "ADLENS_MEDIQA"
HEALTH = "health"
# The files measured (fixed before any figure was read). TREC 2017 LiveQA medical: the 104 test
# questions people sent to the US National Library of Medicine (the training files were
# removed from the repository by its authors and are not used). MEDIQA 2019: the "Alexa" set of
# short questions about frequent diseases, and the consumer health questions ("chq") of the
# question-entailment task's NLM validation set and 2019 test set. Left out: MEDIQA's QA
# training set 1 (the same 104 LiveQA questions), its QA validation and test sets (the readme
# does not say where their questions come from) and the entailment training set (clinical
# questions from doctors, not consumers).
LIVEQA_TEST = "TestDataset/TREC-2017-LiveQA-Medical-Test.xml"
LIVEQA_FILES = (LIVEQA_TEST, "TestDataset/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml")
MEDIQA_ALEXA = "MEDIQA_Task3_QA/MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml"
MEDIQA_CHQ = ("MEDIQA_Task2_RQE/MEDIQA2019-Task2-RQE-ValidationSet-AMIA2016.xml",
              "MEDIQA_Task2_RQE/MEDIQA2019-Task2-RQE-TestSet-wLabels.xml")
MEDIQA_QA_FILES = (MEDIQA_ALEXA, "MEDIQA_Task3_QA/MEDIQA2019-Task3-QA-TrainingSet1-LiveQAMed.xml",
                   "MEDIQA_Task3_QA/MEDIQA2019-Task3-QA-ValidationSet.xml",
                   "MEDIQA_Task3_QA/MEDIQA2019-Task3-QA-TestSet.xml",
                   "MEDIQA_Task3_QA/MEDIQA2019-Task3-QA-TestSet-wLabels.xml")
MEDIQA_RQE_FILES = (*MEDIQA_CHQ, "MEDIQA_Task2_RQE/MEDIQA2019-Task2-RQE-TestSet.xml",
                    "MEDIQA_Task2_RQE/MEDIQA2019-Task2-RQE-TrainingSet-AMIA2016.xml")


def _xml(root: Path, path: str) -> ET.Element:
    return ET.fromstring(_read(root, path))


def _spaced(text: str | None) -> str:
    """Text with every run of spaces, tabs and line breaks made one space, ends trimmed."""
    return " ".join(str(text or "").split())


def _distinct(texts: list[str]) -> list[str]:
    """The messages, each once and none empty: one equal to an earlier one once case,
    punctuation and spacing are ignored is dropped, and so is one that is the end of a
    longer one (the same question without its subject line) when longer than a stock phrase
    (`STOCK_PHRASE_WORDS`). Order kept."""
    normed = [_norm(t) for t in texts]
    kept, seen = [], set()
    for text, key in zip(texts, normed, strict=True):
        if not key or key in seen:
            continue
        seen.add(key)
        if len(key.split()) > STOCK_PHRASE_WORDS and any(
                other != key and other.endswith(" " + key) for other in normed):
            continue
        kept.append(text)
    return kept


def _health_frame(texts: list[str], source: str) -> pd.DataFrame:
    return pd.DataFrame({"text": _distinct(texts), "source": source, "label": HEALTH})


def load_liveqa_med(root: Path) -> pd.DataFrame:
    """TREC 2017 LiveQA medical test questions (columns text, source, label): each message is
    the question's subject line and its message as sent, on two lines (the message alone when
    the subject is empty), spacing tidied; duplicates and empty ones dropped (`_distinct`)."""
    texts = []
    for question in _xml(root, LIVEQA_TEST).iter("Original-Question"):
        parts = [_spaced(question.findtext("SUBJECT")), _spaced(question.findtext("MESSAGE"))]
        texts.append("\n".join(p for p in parts if p))
    return _health_frame(texts, "liveqa_med")


def load_mediqa(root: Path) -> pd.DataFrame:
    """MEDIQA 2019's consumer questions (columns text, source, label): the Alexa set's question
    texts (source "mediqa_alexa") and the entailment task's consumer questions of its NLM
    validation and 2019 test sets (source "mediqa_chq"), spacing tidied; duplicates and empty
    ones dropped within each (`_distinct`)."""
    alexa = [_spaced(q.findtext("QuestionText"))
             for q in _xml(root, MEDIQA_ALEXA).iter("Question")]
    chq = [_spaced(pair.findtext("chq")) for path in MEDIQA_CHQ
           for pair in _xml(root, path).iter("pair")]
    return pd.concat([_health_frame(alexa, "mediqa_alexa"), _health_frame(chq, "mediqa_chq")],
                     ignore_index=True)


def _files_present(root: Path, paths: tuple[str, ...]) -> list[str]:
    out = []
    for path in paths:
        try:
            out.append(_read(root, path))
        except (subprocess.CalledProcessError, FileNotFoundError):
            continue  # a stand-in copy may hold only some files
    return out


def liveqa_med_sentences(root: Path) -> set[str]:
    """Every question text of the LiveQA test files: subjects, messages, both as measured,
    paraphrases and summaries (to check that the project copies none)."""
    out = set()
    for raw in _files_present(root, LIVEQA_FILES):
        for question in ET.fromstring(raw).iter("NLM-QUESTION"):
            subject = _spaced(question.findtext("Original-Question/SUBJECT"))
            message = _spaced(question.findtext("Original-Question/MESSAGE"))
            out.update((subject, message, f"{subject}\n{message}"))
            out.update(_spaced(question.findtext(tag)) for tag in ("NIST-PARAPHRASE",
                                                                   "NLM-Summary"))
    return {s for s in out if s.strip()}


def mediqa_sentences(root: Path) -> set[str]:
    """Every question text of MEDIQA 2019's QA and entailment files, all splits (the
    entailment pairs' FAQ side too)."""
    out = set()
    for raw in _files_present(root, MEDIQA_QA_FILES):
        out.update(_spaced(q.findtext("QuestionText"))
                   for q in ET.fromstring(raw).iter("Question"))
    for raw in _files_present(root, MEDIQA_RQE_FILES):
        for pair in ET.fromstring(raw).iter("pair"):
            out.update((_spaced(pair.findtext("chq")), _spaced(pair.findtext("faq"))))
    return {s for s in out if s}


def _exact_interval(caught: int, messages: int) -> tuple[float, float]:
    """The exact (Clopper-Pearson) binomial 95% interval of caught / messages."""
    from scipy import stats

    ci = stats.binomtest(caught, messages).proportion_ci(0.95, method="exact")
    return float(ci.low), float(ci.high)


def measure_sensitive(model, frame: pd.DataFrame) -> dict[str, object]:
    """On messages that are all about a sensitive topic (health): per source and over all of
    them (messages equal across sources counted once), the messages, how many are caught (held
    back on Meta's list at the model's own threshold, as the hand-written sets count "sensitive
    caught"), that share with its exact binomial 95% interval, the share read as health, and
    the topic the model gave each missed one ("missed_as:<topic>" counts, no_ad_topic
    included)."""
    from adlens import schema
    from adlens import text_model as tm

    codes, p = model.infer(frame["text"].to_numpy(dtype=object))
    flagged = np.asarray(model.flag_sensitive(codes, p["meta7"], "meta7"), dtype=bool)
    read = np.where(codes == tm.NO_TOPIC, NO_TOPIC,
                    np.array(schema.ALL_TOPICS, dtype=object)[np.maximum(codes, 0)])
    keys = frame["text"].map(_norm)
    first = ~keys.duplicated().to_numpy()  # over all sources: each message once
    out: dict[str, object] = {}
    groups = [("all", first)] + [(name, (frame["source"] == name).to_numpy())
                                 for name in dict.fromkeys(frame["source"])]
    for name, sel in groups:
        n, k = int(sel.sum()), int(flagged[sel].sum())
        low, high = _exact_interval(k, n) if n else (float("nan"), float("nan"))
        out.update({f"{name}:messages": n, f"{name}:caught": k,
                    f"{name}:caught_share": k / n if n else float("nan"),
                    f"{name}:caught_ci_low": low, f"{name}:caught_ci_high": high,
                    f"{name}:read_as_health": float((read[sel] == HEALTH).mean()) if n else
                    float("nan")})
        for topic, count in Counter(read[sel & ~flagged]).most_common():
            out[f"{name}:missed_as:{topic}"] = int(count)
    return out


HEALTH_CORPORA = {"liveqa_med": (LIVEQA_ENV, load_liveqa_med), "mediqa": (MEDIQA_ENV, load_mediqa)}
HEALTH_SENTENCES = {"liveqa_med": liveqa_med_sentences, "mediqa": mediqa_sentences}


@functools.cache
def _model_text() -> list[str]:
    """Every distinct message the model is trained and calibrated on (the generated corpus,
    the written bank's splits and the dataset-style messages); made once per process, for every
    corpus's copy checks (read, never changed)."""
    from adlens import text_model as tm

    texts, _ = tm.training_texts()
    return sorted({str(t) for t in texts} | {str(t) for t in tm.calibration_texts().texts})


def project_copies(sentences: set[str]) -> dict[str, int]:
    """How many of the project's own messages equal a corpus sentence (case, punctuation and
    spacing ignored): the written bank, all the training and calibration text and the
    hand-written validation set (longer than a stock phrase), and the four sealed sets (every
    length, compared by `sealed_copies`, which returns only matches). All must be 0."""
    from adlens import text_model as tm

    validation = pd.read_csv(tm.VALIDATION_CSV, dtype=str, keep_default_na=False,
                             encoding="utf-8")["text"]
    out = {"bank_messages_equal_to_a_corpus_sentence": len(bank_copies(sentences)),
           "training_messages_equal_to_a_corpus_sentence": len(
               bank_copies(sentences, _model_text())),
           "validation_messages_equal_to_a_corpus_sentence": len(
               bank_copies(sentences, list(validation)))}
    out.update(sealed_copy_counts(sentences, {"sealed": tm.SEALED_CSV, **LATER_SEALED}))
    return out


def health_folders() -> dict[str, Path]:
    """The health corpora whose environment variable names an existing folder: name -> folder."""
    return {name: Path(os.environ[env]) for name, (env, _) in HEALTH_CORPORA.items()
            if os.environ.get(env, "") and Path(os.environ[env]).exists()}


def load_health(folders: dict[str, Path]) -> pd.DataFrame:
    """The questions of these health corpora (`health_folders`), one frame (text, source,
    label)."""
    return pd.concat([HEALTH_CORPORA[name][1](folder) for name, folder in folders.items()],
                     ignore_index=True)


def health_figures(model=None) -> dict[str, object] | None:
    """Sensitive caught on every consumer health corpus whose environment variable names a
    folder (pooled, and per source), with the copy checks per corpus; None when none does."""
    folders = health_folders()
    if not folders:
        return None
    if model is None:
        from adlens import text_model as tm

        model = tm.load_text_model()
    figures = measure_sensitive(model, load_health(folders))
    for name, folder in folders.items():
        figures.update({f"{name}:{key}": value for key, value in
                        project_copies(HEALTH_SENTENCES[name](folder)).items()})
    return figures


def missing_health_corpora() -> list[str]:
    """What is missing: 'name: not available (set ENV to a local copy)' for each health corpus
    whose environment variable is unset or names no folder."""
    present = health_folders()
    return [f"{name}: not available (set {env} to a local copy)"
            for name, (env, _) in HEALTH_CORPORA.items() if name not in present]


def main() -> int:
    for name, (env, _) in CORPORA.items():
        figures = corpus_figures(name)
        if figures is None:
            print(f"{name}: not available (set {env} to a local copy)")
            continue
        print(name)
        for key, value in figures.items():
            print(f"  {key:28s} {value:.3f}" if isinstance(value, float) else
                  f"  {key:28s} {value}")
    for missing in missing_health_corpora():
        print(missing)
    health = health_figures()
    if health is not None:
        print("consumer health questions (all about health: sensitive)")
        for key, value in health.items():
            print(f"  {key:40s} {value:.3f}" if isinstance(value, float) else
                  f"  {key:40s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
