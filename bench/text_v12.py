"""The product's model (v12 when measured, then v13: each chat's sentence vector read alone)
against v11, under the adoption rules stated in docs/ARCHITECTURE.md ("Model v12", "Model v13")
before any figure of the candidate was read.

`python -m bench.text_v12 --v11 FILE --sets validation,sealed_v2,sealed,public` reads the
product's model and v11 from FILE (v11's shipped model: `git show
3f07dc2:sample_data/prepared/text_model.pkl.zlib > FILE`), reads v11 as it shipped (its encoder
reading 32 chats per forward pass, nothing remembered), measures both on each named set with
bench.text_v11's measures (message by message, one-sided exact sign tests) and says, condition
by condition, whether the rule holds. `--batch-dependence` adds condition 0 on the sample's
chats: the product's vector for each unsure chat equals the chat's vector read alone.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np

from adlens import text_encoder as te
from adlens import text_model as tm
from bench import text_v11

NOISE = text_v11.NOISE
SHIPPED_BATCH = 32  # v11's chats per forward pass


class _Unremembering:
    """An encoder without a memo: every text is read, by the encoder wrapped."""

    def __init__(self, reader) -> None:  # noqa: ANN001
        self.reader = reader

    def encode(self, texts, **kwargs) -> np.ndarray:  # noqa: ANN001, ANN003
        return self.reader.encode(texts, **kwargs)


@contextlib.contextmanager
def read_as_shipped_v11() -> Iterator[None]:
    """While open, the product's encoder reads as v11's did: SHIPPED_BATCH chats per forward
    pass, and no vector taken from (or left in) the memo of chats read alone."""
    reader = te.encoder()
    with mock.patch.object(te, "BATCH", SHIPPED_BATCH), \
            mock.patch.object(te, "encoder", lambda: _Unremembering(reader)):
        yield


class AsShippedV11:
    """v11's model, answering as it did in the product (see `read_as_shipped_v11`)."""

    def __init__(self, model: tm.TextModel) -> None:
        self.model = model

    def infer(self, texts: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        with read_as_shipped_v11():
            return self.model.infer(texts)

    def flag_sensitive(self, *args, **kwargs) -> np.ndarray:  # noqa: ANN002, ANN003
        return self.model.flag_sensitive(*args, **kwargs)


def product_batch_invariance(model: tm.TextModel, texts: np.ndarray) -> dict[str, Any]:
    """Condition 0: the distinct chats of `texts` the first reader is unsure of, encoded by the
    product (`text_encoder.encode`, all at once, memo emptied first) and each alone; the largest
    difference (0 when a chat's vector depends on the chat only), beside bench.text_v11's
    measure of what reading them SHIPPED_BATCH at a time would change."""
    _, _, asked = model.answer(texts)
    chats = np.unique(np.asarray(texts, dtype=object)[asked].astype(str))
    reader = te.encoder()
    getattr(reader, "memo", {}).clear()
    together = te.encode(chats, remember=False)
    alone = np.vstack([reader.encode([chat])[0] for chat in chats]) if len(chats) else together
    out = text_v11.batch_dependence(model, texts, batch=SHIPPED_BATCH)
    out["product_vs_alone_max_abs_difference"] = float(np.abs(together - alone).max()) \
        if len(chats) else 0.0
    return out


def _relabel(value: Any) -> Any:
    """bench.text_v11 names the candidate v11 and the baseline v7: here they are the product's
    model (v + MODEL_VERSION) and v11."""
    candidate = f"v{tm.MODEL_VERSION}"
    if isinstance(value, dict):
        return {(k.replace("v11", candidate) if "v11" in k else k.replace("v7", "v11")):
                _relabel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_relabel(v) for v in value]
    return value


def verdict(results: dict[str, Any]) -> dict[str, bool]:
    """Conditions 0-4 of the rule for the sets measured, from bench.text_v11's results (before
    `_relabel`); condition 5, the cost, is `make bench`'s text model load case."""
    out: dict[str, bool] = {}
    if "batch" in results:
        out["0 each chat read alone"] = results["batch"]["product_vs_alone_max_abs_difference"] == 0
    kept = {k: v for k, v in results.items() if k in ("validation", "sealed", "public")}
    out.update(text_v11.verdict(kept))
    if "sealed_v2" in results:
        r = results["sealed_v2"]
        out["2 second sealed set"] = bool(all(r["targets"].values())
                                          and r["against_v7"]["p_caught_worse"] >= NOISE
                                          and r["against_v7"]["p_held_worse"] >= NOISE)
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.text_v12",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--v11", help="v11's shipped model (zlib pickle)")
    parser.add_argument("--batch-dependence", action="store_true",
                        help="condition 0, on the sample's chats")
    parser.add_argument("--sets", default="",
                        help="comma-separated: validation, sealed, sealed_v2, public")
    args = parser.parse_args(argv)
    model = tm.load_text_model()
    if model.second is None:
        raise SystemExit("the product's model has no second reader")
    results: dict[str, Any] = {}
    if args.batch_dependence:
        from bench.cases_text import _sample_texts

        results["batch"] = product_batch_invariance(model, _sample_texts())
    sets = [name for name in args.sets.split(",") if name]
    if sets and not args.v11:
        parser.error("--v11 is needed to compare with v11")
    if sets:
        v11 = AsShippedV11(text_v11.read_shipped(Path(args.v11)))
        for name in sets:
            results[name] = (text_v11.measure_public(model, v11) if name == "public"
                             else text_v11.measure_hand(name, model, v11))
    results["rule"] = verdict(results)
    print(json.dumps(_relabel(results), indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
