"""Versioned artifacts of a dataset's scenario-independent work: the chat topics and sensitive
flags inferred from text, the ad each chat asks about, the similar-people map, the click model.

`make sample` writes them for the bundled sample into sample_data/prepared/ (with the fitted
text model), so a fresh container neither trains nor infers; `engine.prepare` writes them for
any other dataset under the cache folder. They are used only when their manifest matches the
dataset id, the code of the modules that produce them, the text model's version and the library
versions; any other artifact is refused (and the work redone), never silently used.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from adlens import schema
from adlens import text_model as tm
from adlens.signals import ChatInference

ARTIFACT_FORMAT = "2"  # bump when what is stored, or how, changes
ROOT = Path(__file__).resolve().parent
SAMPLE_ARTIFACTS = ROOT.parent / "sample_data" / "prepared"
MANIFEST = "manifest.json"
ARRAYS = "arrays.npz"
# The modules whose code computes what is stored (contract.py normalises the text and codes
# the work reads), and the written message bank the text model learns from: a change to any of
# them makes stored artifacts stale.
PRODUCERS: tuple[str, ...] = ("artifacts.py", "char_tfidf.py", "chat_text.py",
                              "chat_text_langs.py", "contract.py", "engine.py", "ranking.py",
                              "schema.py", "signals.py", "text_encoder.py", "text_model.py",
                              "chat_corpus/__init__.py",
                              "chat_corpus/en.py", "chat_corpus/es.py", "chat_corpus/pt.py",
                              "chat_corpus/hi_en.py", "chat_corpus/entities.py",
                              "chat_corpus/keywords.py", "chat_corpus/lookalikes.py",
                              "chat_corpus/assistant.py", "chat_corpus/bank.py",
                              *(f"chat_corpus/bank/{p.name}" for p in sorted(
                                  (ROOT / "chat_corpus" / "bank").glob("*.txt"))))
# Read the ADLENS_ARTIFACTS environment variable as "off" to never read or write artifacts.
ENV_SWITCH = "ADLENS_ARTIFACTS"


@dataclass(frozen=True, eq=False)
class StoredWork:
    """A dataset's stored scenario-independent work, as `engine.prepare` uses it."""

    inference: ChatInference
    similar_topics: np.ndarray  # (N_TOPICS, N_TOPICS)
    chat_ad: np.ndarray  # per ai_chat signal event, the ad it asks about or -1
    click_model: dict  # ranking.click_model_to_dict form
    folder: Path


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "").lower() not in ("off", "0", "no", "false")


def cache_root() -> Path:
    """The cache folder (ADLENS_CACHE, else adlens-cache in the temp folder)."""
    return Path(os.environ.get("ADLENS_CACHE", Path(tempfile.gettempdir()) / "adlens-cache"))


def source_version(modules: Iterable[str], root: Path | None = None) -> str:
    """A hash of the named modules' source (paths under `root`, default this package, each
    with its name), 16 hex digits: what stored work is keyed by, so work done by other code is
    never used."""
    folder = Path(root) if root is not None else ROOT  # ROOT read now: tests point it elsewhere
    digest = hashlib.sha256()
    for name in modules:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the producing modules' source (see PRODUCERS)."""
    return source_version(PRODUCERS)


def library_versions() -> dict[str, str]:
    """Versions of the libraries whose results are stored (read without importing them)."""
    from importlib.metadata import version

    return {name: version(name) for name in ("numpy", "pandas", "pyarrow", "scikit-learn")}


def expected_manifest(dataset_id: str) -> dict:
    """The manifest an artifact for this dataset must carry to be used."""
    return {"format": ARTIFACT_FORMAT, "dataset_id": dataset_id, "code_version": code_version(),
            "text_model_version": tm.MODEL_VERSION, "libraries": library_versions(),
            # Python's major version only: the arrays are stored without pickles and the
            # click model as JSON, which any Python 3 reads alike, and the deployment's
            # Python (3.12 on Community Cloud) need not be the one `make sample` ran on.
            "python": str(sys.version_info.major)}


def differences(folder: Path, dataset_id: str) -> list[str]:
    """Why the artifacts in `folder` cannot be used for this dataset (empty: they can)."""
    path = Path(folder) / MANIFEST
    if not path.is_file() or not (Path(folder) / ARRAYS).is_file():
        return [f"no artifacts in {folder}"]
    try:
        found = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        return [f"unreadable manifest ({error})"]
    want = expected_manifest(dataset_id)
    return [f"{key}: stored {found.get(key)!r}, needed {value!r}"
            for key, value in want.items() if found.get(key) != value]


def cache_folder(dataset_id: str) -> Path:
    """Where `engine.prepare` keeps a dataset's artifacts (one folder per code version, so
    checkouts of different code never overwrite each other's)."""
    return cache_root() / "prepared" / f"{dataset_id}-{code_version()}"


def load(dataset_id: str, folders: tuple[Path, ...] | None = None) -> StoredWork | None:
    """The first stored work among `folders` (default: the bundled sample's, then the cache)
    whose manifest matches; None when none does."""
    if not enabled():
        return None
    for folder in folders or (SAMPLE_ARTIFACTS, cache_folder(dataset_id)):
        if differences(folder, dataset_id):
            continue
        try:
            return _read(Path(folder))
        except (OSError, ValueError, KeyError):
            continue  # a damaged file: recompute rather than guess
    return None


def _threshold(stored: np.ndarray) -> float | None:
    # A threshold saved as None is stored as NaN: it comes back as None, not as a number.
    value = float(stored)
    return None if np.isnan(value) else value


def _read(folder: Path) -> StoredWork:
    manifest = json.loads((folder / MANIFEST).read_text())
    with np.load(folder / ARRAYS, allow_pickle=False) as arrays:
        flags = arrays["sensitive"]
        p_sensitive = arrays["p_sensitive"].astype(np.float32)
        inference = ChatInference(
            topic=arrays["inferred_topic"].astype(np.int64),
            sensitive={name: flags[:, i].astype(bool)
                       for i, name in enumerate(schema.SENSITIVE_LISTS)},
            p_sensitive={name: np.ascontiguousarray(p_sensitive[:, i])
                         for i, name in enumerate(schema.SENSITIVE_LISTS)},
            threshold=_threshold(arrays["threshold"]),
            topic_probability=arrays["topic_probability"].astype(np.float32))
        return StoredWork(inference=inference, similar_topics=arrays["similar_topics"],
                          chat_ad=arrays["chat_ad"].astype(np.int64),
                          click_model=manifest["click_model"], folder=folder)


def save(folder: Path, dataset_id: str, inference: ChatInference, similar_topics: np.ndarray,
         chat_ad: np.ndarray, click_model: dict) -> Path:
    """Write artifacts atomically (a reader sees the old folder or the new, never half);
    other files in the folder (the shipped text model) are kept."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    tmp.chmod(0o755)
    try:
        flags = np.column_stack([inference.sensitive[name] for name in schema.SENSITIVE_LISTS]
                                ) if len(inference.topic) else np.zeros(
            (0, len(schema.SENSITIVE_LISTS)), dtype=bool)
        n_lists = len(schema.SENSITIVE_LISTS)
        p_sensitive = np.column_stack([inference.p_sensitive[name]
                                       for name in schema.SENSITIVE_LISTS]) if len(
            inference.topic) else np.zeros((0, n_lists), dtype=np.float32)
        # Topic and ad codes fit small integers: the sample's arrays stay well under 1 MB.
        # The probabilities let a scenario move the sensitive threshold without the model.
        np.savez_compressed(tmp / ARRAYS, inferred_topic=inference.topic.astype(np.int8),
                            sensitive=flags.astype(bool), similar_topics=similar_topics,
                            chat_ad=chat_ad.astype(np.int32),
                            p_sensitive=p_sensitive.astype(np.float32),
                            # NaN stands for None (no threshold stored); read back as None.
                            threshold=np.float64(np.nan if inference.threshold is None
                                                 else inference.threshold),
                            topic_probability=np.asarray(inference.topic_probability,
                                                         dtype=np.float32))
        manifest = {**expected_manifest(dataset_id), "click_model": click_model}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        if folder.exists():
            for other in folder.iterdir():
                if other.name not in (MANIFEST, ARRAYS) and other.is_file():
                    shutil.copy2(other, tmp / other.name)
            shutil.rmtree(folder)
        tmp.replace(folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return folder


def save_quietly(folder: Path, *args) -> None:
    """`save`, where storing is an optimisation only (a read-only disk must not fail)."""
    try:
        save(folder, *args)
    except OSError:
        pass


def click_model_to_dict(model) -> dict:
    """A ranking.ClickModel as JSON-ready values."""
    return {"intercept": model.intercept, "weights": dict(model.weights),
            "source": model.source, "n_impressions": model.n_impressions,
            "n_clicks": model.n_clicks, "auc_heldout": model.auc_heldout}


def click_model_from_dict(data: dict):
    """The ranking.ClickModel `click_model_to_dict` stored."""
    from adlens.ranking import ClickModel

    return ClickModel(intercept=float(data["intercept"]),
                      weights=tuple((s, float(data["weights"][s])) for s in schema.SIGNALS),
                      source=str(data["source"]), n_impressions=int(data["n_impressions"]),
                      n_clicks=int(data["n_clicks"]), auc_heldout=float(data["auc_heldout"]))


# --- the fitted text model, shipped with the sample ------------------------------------------
TEXT_MODEL = "text_model.pkl.zlib"


def seed_text_model(folder: Path = SAMPLE_ARTIFACTS) -> bool:
    """Put the shipped fitted text model, decompressed, into the cache when the cache has none
    and the shipped one was trained by this very recipe (its cache name, which carries the
    model version, the scikit-learn version, the training size and the chat vocabulary,
    matches). True when the cache now holds it."""
    import zlib

    if not enabled():
        return False
    target = tm._cache_path(tm.MODEL_VERSION)
    if target.exists():
        return True
    name_file = Path(folder) / (TEXT_MODEL + ".name")
    shipped = Path(folder) / TEXT_MODEL
    try:
        if not shipped.is_file() or name_file.read_text().strip() != target.name:
            return False
        data = zlib.decompress(shipped.read_bytes())
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.seed")
        tmp.write_bytes(data)
        tmp.replace(target)
        return True
    except (OSError, zlib.error):  # unreadable or damaged: the model is trained instead
        return False


def ship_text_model(folder: Path = SAMPLE_ARTIFACTS) -> Path:
    """Put the fitted text model (trained if needed) next to the sample's artifacts, named
    by the cache file it stands for: the cache file zlib-compressed (level 1: 16 MB instead
    of 20, 0.2 s to decompress once into the cache)."""
    import zlib

    name = tm._cache_path(tm.MODEL_VERSION).name
    shipped, name_file = folder / TEXT_MODEL, folder / (TEXT_MODEL + ".name")
    if shipped.is_file() and name_file.is_file() and name_file.read_text().strip() == name:
        return shipped  # the same recipe: leave the file (and the repository) unchanged
    tm.load_text_model()  # trained and cached if the cache has none
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("text_model.*"):
        stale.unlink()  # the shipped model of an earlier recipe or file format
    shipped.write_bytes(zlib.compress(tm.model_path().read_bytes(), 1))
    name_file.write_text(name + "\n")
    return shipped


def build_sample(sample_dir: Path | None = None, folder: Path = SAMPLE_ARTIFACTS) -> Path:
    """Recompute the bundled sample's artifacts from scratch and write them (`make sample`)."""
    from adlens import contract, engine

    dataset = contract.load_dataset(sample_dir or contract.SAMPLE_DIR)
    prepared = engine.prepare(dataset, use_artifacts=False)
    save(folder, dataset.dataset_id, *engine.stored_work(prepared))
    ship_text_model(folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    """`python -m adlens.artifacts [--check]`: build the sample's artifacts, or say whether
    the shipped ones are current (exit 1 when stale)."""
    import argparse

    from adlens import contract

    parser = argparse.ArgumentParser(prog="python -m adlens.artifacts", description=main.__doc__)
    parser.add_argument("--check", action="store_true",
                        help="only check that sample_data/prepared/ is current")
    args = parser.parse_args(argv)
    if args.check:
        dataset = contract.load_dataset(contract.SAMPLE_DIR)
        stale = differences(SAMPLE_ARTIFACTS, dataset.dataset_id)
        for line in stale:
            print(f"stale: {line}")
        return 1 if stale else 0
    print(f"wrote {build_sample()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
