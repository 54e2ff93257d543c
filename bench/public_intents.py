"""The chat topic model measured on public intent corpora (CLINC150, SNIPS): real people's
requests to assistants, read from a local copy the project does not hold.

Each corpus is a folder given by an environment variable: a git checkout or a bare git
directory (read at HEAD). Only the intent-to-topic maps below are the project's; no sentence of
a corpus is stored here. Run: `ADLENS_CLINC150=... ADLENS_SNIPS=... python -m bench.public_intents`.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd

from adlens.engine import SEALED_V2_CSV, SEALED_V3_CSV

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
    figures = measure(model, loader(Path(folder)))
    sentences = SENTENCES[name](Path(folder))
    figures["bank_messages_equal_to_a_corpus_sentence"] = len(bank_copies(sentences))
    for sealed, path in (("sealed_v2", SEALED_V2_CSV), ("sealed_v3", SEALED_V3_CSV)):
        figures[f"{sealed}_messages_equal_to_a_corpus_sentence"] = len(
            sealed_copies(sentences, path))
    return figures


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
