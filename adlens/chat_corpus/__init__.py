"""Training text for the chat topic model: a vectorised generator over the hand-written lists of
`en`, `es`, `pt` and `hi_en` (things, things to do, whole messages, hard negatives), of
`assistant` (requests to do something) and of `lookalikes` (topic words in another sense), and
draws from the written message bank (`bank`: whole messages, not templates).

Kept apart from the dataset generator (`adlens.chat_text`: other lists, frames and seeds) and
from the hand-written validation set, which nothing here reads. Every list entry and every
bank message is assigned to the training or the calibration split by a hash of its text, so
the generated validation split used to calibrate and to choose the sensitive threshold holds
phrasings the model never saw.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from types import ModuleType

import numpy as np
import pandas as pd

from adlens import schema
from adlens.chat_corpus import (
    assistant,
    bank,
    en,
    entities,
    es,
    health,
    hi_en,
    keywords,
    lookalikes,
    pt,
)

CLASSES: tuple[str, ...] = (*schema.ALL_TOPICS, schema.NO_AD_TOPIC)
LANGUAGE_MODULES: dict[str, ModuleType] = {"en": en, "es": es, "pt": pt, "hi-en": hi_en}
# Share of each language in the training text (assumption: enough non-English text that each
# language is learned, English first because it has the most phrasings).
LANGUAGE_SHARES: dict[str, float] = {"en": 0.46, "es": 0.18, "pt": 0.18, "hi-en": 0.18}
# Relative weight of each class: "no ad topic" covers far more ground than one topic.
NO_TOPIC_WEIGHT = 3.0
# How a message is built (shares of rows; assumptions chosen for variety).
SHARE_HARD_NEGATIVE = 0.14
# Of hard negatives: the share that is a look-alike thing (`lookalikes`) rather than one of the
# language's whole hard-negative messages; of those, the share put bare (the rest framed).
RATE_LOOKALIKE, RATE_LOOKALIKE_BARE = 0.8, 0.3
SHARE_SENSITIVE_CONTEXT = 0.05
SHARE_NOUN, SHARE_DOING, SHARE_KEYWORD = 0.34, 0.18, 0.14  # the rest: whole messages
RATE_TWO_TOPICS = 0.10
RATE_SAME_TOPIC_SECOND = 0.10
RATE_PREFIX, RATE_SUFFIX, RATE_LOOK = 0.18, 0.12, 0.03
RATE_LOWER, RATE_VOICE, RATE_SLANG, RATE_TYPO, RATE_NO_ACCENT = 0.55, 0.15, 0.2, 0.12, 0.4
VALIDATION_SHARE = 0.2  # of list entries, held out of training for the calibration split
_NO_ACCENTS = str.maketrans({"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n",
                            "ã": "a", "õ": "o", "ç": "c", "â": "a", "ê": "e", "ô": "o",
                            "à": "a", "ü": "u", "¿": None, "¡": None})
_PUNCT = re.compile(r"[?!.,:;()'\"¿¡]")


def parse(entries: str) -> tuple[str, ...]:
    """A ";"-separated list written over several lines as a tuple of clean entries."""
    return tuple(" ".join(e.split()) for e in entries.split(";") if e.strip())


def _held_out(text: str) -> bool:
    """Whether a list entry belongs to the calibration split (stable across runs)."""
    digest = hashlib.sha1(text.encode()).digest()
    return digest[0] < 256 * VALIDATION_SHARE


def _split(entries: tuple[str, ...], validation: bool) -> tuple[str, ...]:
    """The entries of one split; a list too short to split gives all of itself to both."""
    part = tuple(e for e in entries if _held_out(e) == validation)
    return part if part else entries


@dataclass(frozen=True)
class _Slots:
    """Per (language, class) slot, a flat array of entries with offsets and counts."""

    values: np.ndarray
    start: np.ndarray
    count: np.ndarray

    def pick(self, slot: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        return self.values[self.pick_index(slot, rng)]

    def pick_index(self, slot: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        idx = self.start[slot] + np.floor(rng.random(len(slot)) * self.count[slot]).astype(
            np.int64)
        return np.minimum(idx, max(len(self.values) - 1, 0))

    def pick_other(self, slot: np.ndarray, first: np.ndarray, rng: np.random.Generator
                   ) -> np.ndarray:
        """Another entry of the same slot than index `first` (the same when it is alone)."""
        count = np.maximum(self.count[slot], 1)
        step = 1 + np.floor(rng.random(len(slot)) * np.maximum(count - 1, 1)).astype(np.int64)
        offset = (first - self.start[slot] + step) % count
        return self.values[np.minimum(self.start[slot] + offset, max(len(self.values) - 1, 0))]


def pattern_messages(lang: str) -> dict[str, tuple[str, ...]]:
    """Whole messages from `entities.PATTERNS`: every frame filled with every value."""
    out: dict[str, tuple[str, ...]] = {}
    for label, frames, values in entities.PATTERNS.get(lang, ()):
        filled = tuple(f.replace("{x}", v) for f in parse(frames) for v in parse(values))
        out[label] = out.get(label, ()) + filled
    return out


def _hard_entries(lang: str, cls: str) -> tuple[str, ...]:
    """Look-alike things of a class in a language (empty for sensitive classes)."""
    return parse(lookalikes.LOOKALIKES.get(lang, {}).get(cls, ""))


def _slots(part: str, validation: bool) -> _Slots:
    values: list[str] = []
    start, count = [], []
    for lang in schema.CHAT_LANGUAGES:
        topics = LANGUAGE_MODULES[lang].TOPICS
        patterns = pattern_messages(lang) if part == "m" else {}
        words = keywords.KEYWORDS[lang]
        for cls in CLASSES:
            if part == "h":
                entries = _split(_hard_entries(lang, cls), validation)
            else:
                listed = words.get(cls, "") if part == "k" else topics[cls].get(part, "")
                if part == "m":  # requests to do something join the whole messages
                    listed += ";" + assistant.ASSISTANT.get(lang, {}).get(cls, "")
                if cls == "health":  # v15: no single word whose everyday sense is common
                    listed = health.without_everyday_words(lang, listed)
                entries = _split(parse(listed) + patterns.get(cls, ()), validation)
            start.append(len(values))
            count.append(len(entries))
            values.extend(entries)
    return _Slots(np.array(values, dtype=object), np.array(start), np.array(count))


def _fill(frames: tuple[str, ...], which: np.ndarray, slots: dict[str, np.ndarray]
          ) -> np.ndarray:
    out = np.empty(len(which), dtype=object)
    for j, frame in enumerate(frames):
        rows = np.flatnonzero(which == j)
        if rows.size == 0:
            continue
        text = np.full(rows.size, "", dtype=object)
        for literal, field, _, _ in string.Formatter().parse(frame):
            if literal:
                text = text + literal
            if field:
                text = text + slots[field][rows]
        out[rows] = text
    return out


class _Language:
    """One language's frames and extras, parsed once."""

    def __init__(self, module: ModuleType) -> None:
        self.noun_frames = parse(module.NOUN_FRAMES)
        self.doing_frames = parse(module.DOING_FRAMES)
        self.prefixes = np.array(parse(module.PREFIXES), dtype=object)
        self.suffixes = np.array(parse(module.SUFFIXES), dtype=object)
        self.look = np.array(parse(module.LOOK_PREFIXES), dtype=object)
        self.joiners = np.array(module.JOINERS, dtype=object)
        self.slang = tuple(module.SLANG)
        self.fillers = np.array(module.VOICE_FILLERS, dtype=object)
        self.hard = tuple(module.HARD_NEGATIVES)
        self.hard_labels = np.array([CLASSES.index(lab) for _, lab in self.hard], dtype=np.int64)
        self.contexts = {t: parse(c) for t, c in module.SENSITIVE_CONTEXTS.items()}


_LANGS = {lang: _Language(m) for lang, m in LANGUAGE_MODULES.items()}
_SPLITS: dict[bool, dict[str, _Slots]] = {}


def _split_slots(validation: bool) -> dict[str, _Slots]:
    if validation not in _SPLITS:
        _SPLITS[validation] = {p: _slots(p, validation) for p in ("n", "d", "m", "k", "h")}
    return _SPLITS[validation]


def _base_messages(slot: np.ndarray, lang: _Language, parts: dict[str, _Slots],
                   rng: np.random.Generator) -> np.ndarray:
    """A framed thing, a framed thing to do, or a whole message per slot."""
    n = len(slot)
    kind = rng.random(n)
    has_d = parts["d"].count[slot] > 0
    has_m = parts["m"].count[slot] > 0
    has_k = parts["k"].count[slot] > 0
    noun = (kind < SHARE_NOUN) | (~has_d & ~has_m & ~has_k)
    doing = ~noun & (kind < SHARE_NOUN + SHARE_DOING) & has_d
    word = ~noun & ~doing & (kind < SHARE_NOUN + SHARE_DOING + SHARE_KEYWORD) & has_k
    whole = ~noun & ~doing & ~word & has_m
    noun |= ~doing & ~whole & ~word
    out = np.empty(n, dtype=object)
    rows = np.flatnonzero(word)
    if rows.size:
        # Keywords alone ("sourdough starter yeast"), or in a thing's frame.
        first = parts["k"].pick_index(slot[rows], rng)
        k1, k2 = parts["k"].values[first], parts["k"].pick_other(slot[rows], first, rng)
        framed = _fill(lang.noun_frames, rng.integers(0, len(lang.noun_frames), rows.size),
                       {"n": k1, "n2": k2})
        bare = np.where(rng.random(rows.size) < 0.5, k1 + " " + k2, k1)
        out[rows] = np.where(rng.random(rows.size) < 0.5, framed, bare)
    rows = np.flatnonzero(noun)
    first = parts["n"].pick_index(slot[rows], rng)
    out[rows] = _fill(lang.noun_frames, rng.integers(0, len(lang.noun_frames), rows.size),
                      {"n": parts["n"].values[first],
                       "n2": parts["n"].pick_other(slot[rows], first, rng)})
    rows = np.flatnonzero(doing)
    out[rows] = _fill(lang.doing_frames, rng.integers(0, len(lang.doing_frames), rows.size),
                      {"d": parts["d"].pick(slot[rows], rng)})
    rows = np.flatnonzero(whole)
    out[rows] = parts["m"].pick(slot[rows], rng)
    return out


def _styled(texts: np.ndarray, lang_code: str, lang: _Language,
            rng: np.random.Generator) -> np.ndarray:
    """Casual typing and speech: lower case, slang, typos, no accents, voice transcripts."""
    n = len(texts)
    s = pd.Series(texts, dtype=object)
    lower = rng.random(n) < RATE_LOWER
    s[lower] = s[lower].str.lower()
    slang = np.flatnonzero(rng.random(n) < RATE_SLANG)
    if slang.size:
        part = s.iloc[slang].str.lower()
        for right, wrong in lang.slang:
            hit = rng.random(slang.size) < 0.6
            part[hit] = part[hit].str.replace(rf"\b{re.escape(right.strip())}\b",
                                              wrong.strip(), regex=True)
        s.iloc[slang] = part
    if lang_code in ("es", "pt"):
        plain = rng.random(n) < RATE_NO_ACCENT
        s[plain] = s[plain].str.translate(_NO_ACCENTS)
    voice = np.flatnonzero(rng.random(n) < RATE_VOICE)
    if voice.size:
        part = s.iloc[voice].str.lower().str.replace(_PUNCT, "", regex=True)
        # A filler word somewhere in the middle of a spoken message.
        words = part.str.split(" ", n=1)
        first, rest = words.str[0], words.str[1].fillna("")
        filler = lang.fillers[rng.integers(0, len(lang.fillers), voice.size)]
        mid = rng.random(voice.size) < 0.5
        part = pd.Series(np.where(mid, first + " " + filler + " " + rest, part.to_numpy()),
                         index=part.index, dtype=object).str.strip()
        s.iloc[voice] = part
    typo = np.flatnonzero(rng.random(n) < RATE_TYPO)
    if typo.size:
        s.iloc[typo] = _typos(s.iloc[typo].to_numpy(dtype=object).astype(str), rng)
    return s.to_numpy(dtype=object)


def _typos(texts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One slip per message: two letters swapped, a letter dropped or a letter doubled."""
    lengths = np.strings.str_len(texts)
    width = max(int(lengths.max()), 3)
    codes = texts.astype(f"<U{width}").view(np.uint32).reshape(len(texts), width).copy()
    pos = np.floor(rng.random(len(texts)) * np.maximum(lengths - 2, 1)).astype(np.int64) + 1
    pos = np.minimum(pos, np.maximum(lengths - 2, 0))
    r = np.arange(len(texts))
    a, b = codes[r, pos], codes[r, np.minimum(pos + 1, width - 1)]
    letter = ((a >= 97) & (a <= 122)) & ((b >= 97) & (b <= 122))
    kind = rng.integers(0, 3, len(texts))
    swap = letter & (kind == 0)
    codes[r[swap], pos[swap]], codes[r[swap], pos[swap] + 1] = b[swap], a[swap]
    out = codes.view(f"<U{width}").ravel().astype(object)
    drop = np.flatnonzero(letter & (kind == 1))
    for i in drop:  # a few thousand at most: string slicing per message is cheap enough
        out[i] = out[i][:pos[i]] + out[i][pos[i] + 1:]
    double = np.flatnonzero(letter & (kind == 2))
    for i in double:
        out[i] = out[i][:pos[i]] + out[i][pos[i]] + out[i][pos[i]:]
    return out


def make_corpus(n: int, seed: int, *, validation: bool = False
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`n` labelled training messages: (texts, labels, languages).

    Labels are ids of `CLASSES` (`schema.NO_AD_TOPIC` for no ad topic). With `validation`,
    messages are built only from the list entries held out of training (see module doc).
    """
    rng = np.random.default_rng(seed)
    parts = _split_slots(validation)
    codes = np.array(schema.CHAT_LANGUAGES)
    shares = np.array([LANGUAGE_SHARES[c] for c in schema.CHAT_LANGUAGES])
    lang_of = codes[rng.choice(len(codes), n, p=shares / shares.sum())]
    weights = np.ones(len(CLASSES))
    weights[-1] = NO_TOPIC_WEIGHT
    label = rng.choice(len(CLASSES), n, p=weights / weights.sum())
    texts = np.empty(n, dtype=object)
    everyday = np.array([c in schema.EVERYDAY_TOPICS for c in CLASSES])
    for li, code in enumerate(schema.CHAT_LANGUAGES):
        rows = np.flatnonzero(lang_of == code)
        if rows.size == 0:
            continue
        lang = _LANGS[code]
        slot = li * len(CLASSES) + label[rows]
        out = _base_messages(slot, lang, parts, rng)
        # Hard negatives: topic words in another sense, with their real label.
        hard = np.flatnonzero(rng.random(rows.size) < SHARE_HARD_NEGATIVE)
        if hard.size:
            out[hard], label[rows[hard]] = _hard_negatives(hard.size, li, lang, parts, rng)
        # An everyday request that reveals a sensitive topic is labelled with that topic.
        ctx_rows = np.flatnonzero((rng.random(rows.size) < SHARE_SENSITIVE_CONTEXT)
                                  & everyday[label[rows]])
        ctx_rows = np.setdiff1d(ctx_rows, hard)
        if ctx_rows.size and lang.contexts:
            topics = list(lang.contexts)
            which = rng.integers(0, len(topics), ctx_rows.size)
            for k, topic in enumerate(topics):
                sel = ctx_rows[which == k]
                if sel.size == 0:
                    continue
                ctx = np.array(lang.contexts[topic], dtype=object)[
                    rng.integers(0, len(lang.contexts[topic]), sel.size)]
                nouns = parts["n"].pick(slot[sel], rng)
                out[sel] = nouns + " " + ctx
                label[rows[sel]] = CLASSES.index(topic)
        out = _extras(out, label, rows, li, lang, parts, rng)
        texts[rows] = _styled(out, code, lang, rng)
    return texts.astype(str), np.array(CLASSES, dtype=object)[label].astype(str), lang_of


def _hard_negatives(n: int, li: int, lang: _Language, parts: dict[str, _Slots],
                    rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """`n` messages that use a topic word in another sense, and their true class codes:
    look-alike things (bare or in a thing's frame, so each one comes in many forms) or the
    language's whole hard-negative messages."""
    h = parts["h"]
    base = li * len(CLASSES)
    have = np.flatnonzero(h.count[base:base + len(CLASSES)] > 0)
    # Each class with look-alikes in proportion to how many it has.
    weights = h.count[base + have].astype(float)
    label = have[rng.choice(len(have), n, p=weights / weights.sum())] if len(have) else \
        np.zeros(n, dtype=np.int64)
    thing = h.pick(base + label, rng) if len(have) else np.full(n, "", dtype=object)
    framed = _fill(lang.noun_frames, rng.integers(0, len(lang.noun_frames), n),
                   {"n": thing, "n2": h.pick(base + label, rng) if len(have) else thing})
    out = np.where(rng.random(n) < RATE_LOOKALIKE_BARE, thing, framed).astype(object)
    whole = (rng.random(n) >= RATE_LOOKALIKE) | (len(have) == 0)
    if lang.hard and whole.any():
        pick = rng.integers(0, len(lang.hard), int(whole.sum()))
        out[whole] = np.array([t for t, _ in lang.hard], dtype=object)[pick]
        label[whole] = lang.hard_labels[pick]
    return out, label


def _extras(out: np.ndarray, label: np.ndarray, rows: np.ndarray, li: int, lang: _Language,
            parts: dict[str, _Slots], rng: np.random.Generator) -> np.ndarray:
    """Second clauses (same or other topic), rambling openers, endings, glasses pointing."""
    m = len(rows)
    sensitive = np.array([c in schema.SENSITIVE_GDPR9 for c in CLASSES])
    same = np.flatnonzero(rng.random(m) < RATE_SAME_TOPIC_SECOND)
    if same.size:
        more = _base_messages(li * len(CLASSES) + label[rows[same]], lang, parts, rng)
        out[same] = out[same] + lang.joiners[rng.integers(0, len(lang.joiners), same.size)] \
            + more
    two = np.flatnonzero(rng.random(m) < RATE_TWO_TOPICS)
    two = np.setdiff1d(two, same)
    if two.size:
        # The second topic is drawn from the other classes except "no ad topic".
        other = (label[rows[two]] + rng.integers(1, len(CLASSES) - 1, two.size)) % (
            len(CLASSES) - 1)
        other = np.where(other == label[rows[two]], (other + 1) % (len(CLASSES) - 1), other)
        more = _base_messages(li * len(CLASSES) + other, lang, parts, rng)
        out[two] = out[two] + lang.joiners[rng.integers(0, len(lang.joiners), two.size)] + more
        # The main topic is the first, unless the second reveals a sensitive topic.
        reveal = sensitive[other] & ~sensitive[label[rows[two]]]
        label[rows[two[reveal]]] = other[reveal]
    pre = np.flatnonzero(rng.random(m) < RATE_PREFIX)
    out[pre] = lang.prefixes[rng.integers(0, len(lang.prefixes), pre.size)] + " " + out[pre]
    suf = np.flatnonzero(rng.random(m) < RATE_SUFFIX)
    out[suf] = out[suf] + " " + lang.suffixes[rng.integers(0, len(lang.suffixes), suf.size)]
    everyday = np.array([c in schema.EVERYDAY_TOPICS for c in CLASSES])
    look = np.flatnonzero((rng.random(m) < RATE_LOOK) & everyday[label[rows]])
    out[look] = lang.look[rng.integers(0, len(lang.look), look.size)] + " " + out[look]
    return out


def bank_split(validation: bool = False) -> pd.DataFrame:
    """The written bank's messages of one split (training, or held out for calibration), by
    the same hash of the text as every list entry."""
    written = bank.load_bank()
    held = written["text"].map(_held_out).to_numpy(dtype=bool)
    return written[held == validation].reset_index(drop=True)


def make_bank(n: int, seed: int, *, validation: bool = False
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`n` labelled messages from the written bank's split: (texts, labels, languages).

    Every message of the split once as written, then draws styled as casual typing (lower
    case, slang, no accents, voice transcripts, typos at the corpus's rates), so each message
    is also seen in the forms people type it; fewer than the split when `n` is smaller.
    """
    rng = np.random.default_rng(seed)
    part = bank_split(validation)
    if n <= 0 or part.empty:
        return (np.array([], dtype=str), np.array([], dtype=str), np.array([], dtype=str))
    order = rng.permutation(len(part))[:n]
    extra = rng.integers(0, len(part), max(n - len(part), 0))
    rows = np.concatenate([order, extra])
    texts = part["text"].to_numpy(dtype=object)[rows]
    langs = part["language"].to_numpy(dtype=object)[rows]
    styled = np.arange(len(rows)) >= len(order)
    for code in schema.CHAT_LANGUAGES:
        sel = np.flatnonzero(styled & (langs == code))
        if sel.size:
            texts[sel] = _styled(texts[sel], code, _LANGS[code], rng)
    return (texts.astype(str), part["topic"].to_numpy(dtype=object)[rows].astype(str),
            langs.astype(str))
