"""Where the dashboard gets its data: the chosen dataset and the cached engine work on it.

Uploaded and generated datasets live in this session's `st.session_state` only; engine work is
cached by (dataset_id, scenario) with the heavy objects passed as underscore-prefixed args.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from adlens.scenario import Scenario
from components import collector
from components.lazy import LazyModule

if TYPE_CHECKING:
    import pandas as pd

    from adlens.dataset import Dataset

# Imported when first used: the sidebar imports this module on every run, and a session's first
# Overview on the bundled sample is drawn without pandas or the engine (components/lazy.py).
pd = LazyModule("pandas")  # noqa: F811
checked = LazyModule("adlens.checked")
contract = LazyModule("adlens.contract")
engine = LazyModule("adlens.engine")
export = LazyModule("adlens.export")
labels = LazyModule("adlens.labels")
overview_store = LazyModule("adlens.overview_store")
recall = LazyModule("adlens.recall")
schema = LazyModule("adlens.schema")
trends = LazyModule("adlens.trends")
frames = LazyModule("components.frames")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "sample_data"


def upload_limit_bytes(environ: dict | None = None) -> int:
    """Uploads up to 50 MB per file; a local run sets ADLENS_MAX_UPLOAD_MB (0: no limit)."""
    raw = (os.environ if environ is None else environ).get("ADLENS_MAX_UPLOAD_MB", "")
    try:
        return contract.max_bytes_of(float(raw)) if raw.strip() else 50 * 1024 * 1024
    except ValueError:
        return 50 * 1024 * 1024


MAX_UPLOAD_BYTES = upload_limit_bytes()
# What the upload box lets through (MB; .streamlit/config.toml's server.maxUploadSize matches):
# twice the contract's limit, so a file over the limit reaches the contract and is reported as
# too large, with the limit, instead of being held back by the browser and reported missing.
# With no limit set, the box takes anything (a local run may also need a bigger
# server.maxUploadSize: `streamlit run app.py --server.maxUploadSize 2000`).
UPLOAD_BOX_MB = 2 * MAX_UPLOAD_BYTES // 1024**2 if MAX_UPLOAD_BYTES < 2**40 else None
MAX_GENERATED_USERS = 20_000
TOP_K = 5
N_BOOT = 200

K_CHOICE = "ds_choice"
K_PENDING_CHOICE = "_ds_pending_choice"
K_GENERATED = "ds_generated"
K_UPLOADED = "ds_uploaded"
K_UPLOAD_PROBLEMS = "ds_upload_problems"
K_UPLOAD_SIGNATURE = "ds_upload_signature"
K_UPLOAD_FILES = "ds_upload_problem_files"
K_UPLOAD_LOADED = "_ds_upload_loaded"  # plain state: the sentence saying what an upload loaded
K_UPLOADER_ROUND = "ds_uploader_round"  # plain state: a loaded upload empties the upload box
CHOICES = {"sample": "Bundled sample", "generated": "Generated population",
           "uploaded": "Your own files"}


def _glibc() -> Any:
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to tune or trim
        return None


_LIBC = _glibc()  # opened once: trim_memory() runs after every script run


def trim_memory() -> None:
    """Hand the heap's free pages back to the OS: a couple of milliseconds, so it runs after
    every script run and every ranking (without it, each run leaves about 40 MB in RSS)."""
    pa = sys.modules.get("pyarrow")  # Arrow's pool only once something has loaded it
    try:
        if pa is not None:
            pa.default_memory_pool().release_unused()
    except Exception:  # noqa: BLE001 — an optimisation only
        pass
    if _LIBC is not None and hasattr(_LIBC, "malloc_trim"):
        _LIBC.malloc_trim(0)


def release_memory() -> None:
    """After a heavy computation: collect reference cycles too (about 0.1 s), then trim.
    Arrow's pool and glibc keep freed memory otherwise, and Community Cloud counts it against
    the app's limit."""
    collector.collect()  # gc.collect(), setting long-lived objects aside in a served app
    trim_memory()


# glibc mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8


def tune_malloc() -> None:
    """Make glibc give large freed blocks straight back to the OS.

    By default glibc raises its mmap threshold up to 32 MB after the first large free, so the
    engine's short-lived arrays (rankings, bootstraps) land in the heap and stay in RSS; and
    each script thread may open its own arena. A fixed 2 MB threshold keeps every sizeable
    array mmap'd, so it goes back to the OS when freed instead of leaving holes in the heap,
    and two arenas serve every thread. Measured on the sample (`make bench`): peak RSS 481 MB
    against 500 MB with a 16 MB threshold and one more cached ranking; the page faults cost
    little (worst first-time switch 0.21 s against 0.20 s).
    """
    if _LIBC is None or not hasattr(_LIBC, "mallopt"):
        return
    _LIBC.mallopt(_M_MMAP_THRESHOLD, 2 * 1024 * 1024)
    _LIBC.mallopt(_M_TRIM_THRESHOLD, 4 * 1024 * 1024)
    _LIBC.mallopt(_M_ARENA_MAX, 2)


tune_malloc()


@functools.cache
def use_system_allocator_for_arrow() -> None:
    """Let Arrow allocate through glibc, so the settings above and malloc_trim reach its
    buffers too: its default pool (mimalloc) keeps freed pages, about 80 MB after loading the
    sample against about 40 MB through glibc. Once per process, before the first dataset is
    read: app.py calls it on every run but a first visit, which draws the Overview without
    Arrow (components/overview_top.py)."""
    try:
        import pyarrow as pa  # noqa: PLC0415

        pa.set_memory_pool(pa.system_memory_pool())
    except Exception:  # noqa: BLE001 — an optimisation only
        pass


class DataUnavailable(RuntimeError):
    """A page cannot be drawn for a reason a sentence can explain."""


# --- datasets --------------------------------------------------------------------------------
@st.cache_resource(show_spinner="Loading the bundled sample…")
def load_sample() -> Dataset:
    """The bundled sample, loaded once per server and shared read-only by every session."""
    if not SAMPLE_DIR.is_dir() or not any(SAMPLE_DIR.iterdir()):
        raise DataUnavailable("The bundled sample is missing from sample_data/.")
    try:
        # The sample as checked at build time when its bytes are exactly those (adlens/checked.py),
        # else checked now by the contract.
        dataset = checked.load_dataset(SAMPLE_DIR)
        release_memory()
        return dataset
    except contract.ContractError as error:
        first = error.problems[0] if error.problems else error
        raise DataUnavailable(f"The bundled sample could not be loaded ({first}); upload your "
                              "own files or generate a population in the sidebar.") from None


def current_dataset() -> Dataset:
    """The dataset the sidebar has chosen; the sample when the chosen one is not there yet."""
    choice = st.session_state.get(K_CHOICE, "sample")
    if choice == "generated" and st.session_state.get(K_GENERATED) is not None:
        return st.session_state[K_GENERATED]
    if choice == "uploaded" and st.session_state.get(K_UPLOADED) is not None:
        return st.session_state[K_UPLOADED]
    return load_sample()


def upload_signature(files: list) -> str:
    """A key for a set of uploaded files, so the same upload is validated once."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.name):
        digest.update(f"{f.name}:{f.size}:{getattr(f, 'file_id', '')}".encode())
    return digest.hexdigest()[:16]


def load_upload(files: list) -> None:
    """Validate uploaded files as one set: on success the whole set becomes this session's
    dataset (and the upload box is emptied), on failure the validator's messages are kept for
    the sidebar and the loaded dataset stays as it was."""
    signature = upload_signature(files)
    if st.session_state.get(K_UPLOAD_SIGNATURE) == signature:
        return
    st.session_state[K_UPLOAD_SIGNATURE] = signature
    # (name, buffer) pairs: two files of the same name are reported, not collapsed, and an
    # oversized file is measured without being copied.
    blobs = [(f.name, f.getbuffer()) for f in files]
    try:
        dataset = contract.load_uploaded(blobs, max_bytes=MAX_UPLOAD_BYTES)
    except contract.ContractError as error:
        problems = list(getattr(error, "problems", []) or [str(error)])
        st.session_state[K_UPLOAD_PROBLEMS] = [str(p) for p in problems]
        st.session_state[K_UPLOAD_FILES] = sorted({str(getattr(p, "file", "")) for p in problems}
                                                  - {""})
        return
    except Exception as error:  # noqa: BLE001 — any unreadable file is the analyst's to fix
        st.session_state[K_UPLOAD_PROBLEMS] = [f"The files could not be read: {error}"]
        return
    finally:
        del blobs  # the buffers pin the uploads' bytes
    st.session_state[K_UPLOAD_PROBLEMS] = []
    st.session_state[K_UPLOAD_FILES] = []
    st.session_state[K_UPLOADED] = dataset
    st.session_state[K_PENDING_CHOICE] = "uploaded"
    st.session_state[K_UPLOADER_ROUND] = st.session_state.get(K_UPLOADER_ROUND, 0) + 1
    st.session_state[K_UPLOAD_LOADED] = (
        f"Loaded {dataset.source.removeprefix('Uploaded: ')}: {dataset.n_users:,} people, "
        f"{len(dataset.ads):,} ads, {dataset.n_events:,} events. They replace the data shown "
        "before, in this session only.")


# --- engine work, cached by small keys ----------------------------------------------------------
@st.cache_resource(max_entries=3, show_spinner="Preparing signals and models for this dataset…")
def _prepare(dataset_id: str, _dataset: Dataset) -> Any:
    result = engine.prepare(_dataset)
    release_memory()
    return result


def prepared(dataset: Dataset) -> Any:
    """The engine's per-dataset work (text model, affinities), once per dataset_id."""
    return _prepare(dataset.dataset_id, dataset)


@dataclass(frozen=True, eq=False)
class ScenarioView:
    """What the pages need from one scenario run, without the engine's references to the
    prepared data (so a cache entry holds only this run's own frames).

    shares: the engine's signal shares for everyone under key "all" (columns n_ads, one per
    signal, ads_with_ai_chat, ai_chat_largest); the shares per grouping, which only some pages
    draw, come from `scenario_shares`.
    """

    scenario: Scenario
    recommendations: pd.DataFrame
    exclusions: pd.DataFrame
    weights_source: str
    shares: dict[str, pd.DataFrame]
    user_code: Any  # the person index of each recommendation row, for grouped shares


# About 6 MB each on the sample: three scenarios cover a what-if (announced and current) and
# switching back; another one costs a new ranking (~0.1 s), not memory. Kept as
# objects (cache_resource), not pickles: every page reads the same frames without a copy, and
# nothing writes to them (pandas copies on write).
@st.cache_resource(max_entries=3, show_spinner="Ranking ads under this scenario…")
def _run(dataset_id: str, scenario: Scenario, top_k: int, _dataset: Dataset) -> ScenarioView:
    result = engine.run_scenario(prepared(_dataset), scenario, top_k=top_k)
    recs = result.recommendations
    # Scores are only ever shown to three decimals: float32 halves each cached entry.
    floats = recs.select_dtypes("float64").columns
    recs = recs.astype(dict.fromkeys(floats, "float32"))
    view = ScenarioView(scenario=scenario, recommendations=recs, exclusions=result.exclusions,
                        weights_source=result.weights_source_label,
                        shares={"all": result.signal_shares(None)},
                        user_code=result.user_code)
    del result
    trim_memory()  # the ranking's working arrays (tens of MB) go back to the OS
    return view


def scenario_result(dataset: Dataset, scenario: Scenario, top_k: int = TOP_K) -> ScenarioView:
    """Recommendations, exclusions and the signal shares for everyone, for one scenario
    (cached)."""
    return _run(dataset.dataset_id, scenario, top_k, dataset)


@st.cache_data(max_entries=4, show_spinner="Breaking the signal shares down…")
def _grouped_shares(dataset_id: str, scenario: Scenario, top_k: int,
                    _dataset: Dataset) -> dict[str, pd.DataFrame]:
    # From the cached ranking: a grouping needs each row's person, not a new ranking.
    view = _run(dataset_id, scenario, top_k, _dataset)
    prep = prepared(_dataset)
    return {by: engine.signal_shares(
        view.recommendations, engine.group_values(prep, view.recommendations, view.user_code,
                                                  by), by)
        for by in engine.SHARE_GROUPS}


@st.cache_data(max_entries=4, show_spinner=False)
def _changed(dataset_id: str, base: Scenario, current: Scenario, top_k: int,
             _dataset: Dataset) -> pd.DataFrame:
    return frames.top_ads_changed(_run(dataset_id, base, top_k, _dataset).recommendations,
                                  _run(dataset_id, current, top_k, _dataset).recommendations,
                                  _dataset.users)


def top_ads_changed(dataset: Dataset, base: Scenario, current: Scenario,
                    top_k: int = TOP_K) -> pd.DataFrame:
    """People whose set of top ads differs between two scenarios, per region (cached; see
    frames.top_ads_changed)."""
    return _changed(dataset.dataset_id, base, current, top_k, dataset)


def scenario_shares(dataset: Dataset, scenario: Scenario,
                    top_k: int = TOP_K) -> dict[str, pd.DataFrame]:
    """The engine's signal shares per grouping — key "all" for everyone, else one of
    SHARE_GROUPS — each with columns [group,] n_ads, one per signal, ads_with_ai_chat,
    ai_chat_largest (cached)."""
    return {"all": scenario_result(dataset, scenario, top_k).shares["all"],
            **_grouped_shares(dataset.dataset_id, scenario, top_k, dataset)}


@st.cache_data(max_entries=16, show_spinner="Measuring ranking quality with and without AI chats…")
def _quality(dataset_id: str, scenario: Scenario, k: int, n_boot: int,
             _dataset: Dataset, headline: bool = False) -> pd.DataFrame:
    if headline:  # precision@k for everyone only: tens of ms, a few MB, nothing to release
        return engine.quality(prepared(_dataset), scenario, k=k, n_boot=n_boot,
                              metrics=("precision@k",), regions=("All",)).summary
    summary = engine.quality(prepared(_dataset), scenario, k=k, n_boot=n_boot).summary
    release_memory()
    return summary


def quality(dataset: Dataset, scenario: Scenario, k: int = TOP_K,
            n_boot: int = N_BOOT, headline: bool = False) -> pd.DataFrame:
    """The engine's quality summary (region, metric, variant, value, ci_low, ci_high,
    n_people) with and without the AI-chat signal, the rest of `scenario` unchanged.
    headline=True: only the precision@k rows for 'All' (the same numbers)."""
    # Both variants are evaluated either way, so the AI-chat switch does not need a new run.
    return _quality(dataset.dataset_id, scenario.with_(ai_chat=True), k, n_boot, dataset,
                    headline)


@st.cache_data(max_entries=4, show_spinner="Finding coincidences and what came before them…")
def _recall(dataset_id: str, scenario: Scenario, params: Any, _dataset: Dataset) -> Any:
    result = recall.analyse_recall(prepared(_dataset), scenario, params=params, n_boot=400)
    release_memory()
    return result


def recall_result(dataset: Dataset, scenario: Scenario, params: Any) -> Any:
    """Coincidences, prior exposures, aggregates and the microphone event study (cached)."""
    return _recall(dataset.dataset_id, scenario, params, dataset)


def coincidence_case(dataset: Dataset, scenario: Scenario, params: Any) -> dict | None:
    """A clear, typical coincidence (frames.typical_coincidence) as the moment to open its
    person at: person, ts (the ad's time, ISO), ad_id, coincidence_id, what (in words)."""
    try:
        co = recall_result(dataset, scenario, params).coincidences
    except DataUnavailable:
        return None
    row = frames.typical_coincidence(co, confirmed_coincidences(dataset, scenario, params))
    return None if row is None else coincidence_moment(row)


def confirmed_coincidences(dataset: Dataset, scenario: Scenario, params: Any) -> pd.Series:
    """Per coincidence: the simulation says the earlier ad it shows prompted the conversation
    (frames.primed_by_a_seen_ad); all False on data without the simulation's truth."""
    rec = recall_result(dataset, scenario, params)
    return frames.primed_by_a_seen_ad(rec.coincidences, rec.prior_exposures,
                                      getattr(dataset, "truth", None))


def coincidence_moment(row: pd.Series) -> dict:
    """A coincidence row as the moment "Why this ad" opens its person at (see
    scenario_controls.K_MOMENT): person, ts (the ad's time), ad_id, coincidence_id, what."""
    talk = pd.Timestamp(row["conversation_ts"])
    what = (f"the coincidence of {talk:%d %b %Y %H:%M} UTC "
            f"({labels.event(str(row['kind'])).lower()} about "
            f"{labels.topic(row['topic']).lower()}, then the ad {row['hours_to_ad']:.1f} hours "
            "later)")
    return {"person": str(row["user_id"]), "ts": pd.Timestamp(row["ad_ts"]).isoformat(),
            "ad_id": str(row["ad_id"]),
            "coincidence_id": int(row.get("coincidence_id", row.name)),
            "what": what}


@st.cache_data(max_entries=32, show_spinner="Ranking this person's ads as of that moment…")
def _top_ads_at(dataset_id: str, scenario: Scenario, person: str, moment: str,
                prefer_ad: str | None, top_k: int, _dataset: Dataset) -> pd.DataFrame:
    ads = _dataset.ads.drop_duplicates("ad_id")[["ad_id", "advertiser", "title"]]
    apps = list(schema.AD_APPS)
    pairs = pd.DataFrame({"user_id": person,
                          "ad_id": ads["ad_id"].astype("str").repeat(len(apps)).to_numpy(),
                          "app": apps * len(ads), "ts": pd.Timestamp(moment)})
    scored = engine.attribute_at(prepared(_dataset), scenario, pairs)
    scored = scored.merge(ads.astype({"ad_id": "str"}), on="ad_id", how="left")
    return frames.rank_at(scored, top_k, schema.SENSITIVE_LISTS[scenario.sensitive_list],
                          prefer_ad)


def top_ads_at(dataset: Dataset, scenario: Scenario, person: str, moment: pd.Timestamp,
               prefer_ad: str | None = None, top_k: int = TOP_K) -> pd.DataFrame:
    """One person's top ads per app at an exact moment (events strictly before it), under
    `scenario`'s rules: the rows of a ranking (app, rank, ad_id, topic, advertiser, title,
    score, baseline, contrib_<signal>), cached."""
    key = scenario.with_(as_of=Scenario.announced().as_of)  # as-of plays no part here
    return _top_ads_at(dataset.dataset_id, key, person, pd.Timestamp(moment).isoformat(),
                       prefer_ad, top_k, dataset)


# Read-only and small; None for any other dataset or scenario.
@st.cache_resource(max_entries=8, show_spinner=False)
def _stored_overview(dataset_id: str, scenario: Scenario) -> Any:
    return overview_store.stored(dataset_id, scenario)


def stored_overview(dataset: Dataset, scenario: Scenario) -> Any:
    """The Overview's figures stored at build time for the bundled sample under the announced
    policy (adlens/overview_store.py: shares, report, reach, weekly), else None."""
    return _stored_overview(dataset.dataset_id, scenario)


@st.cache_data(max_entries=4, show_spinner="Scoring the ads people saw, week by week…")
def _weekly_ai_share(dataset_id: str, scenario: Scenario, _dataset: Dataset) -> pd.DataFrame:
    figures = _stored_overview(dataset_id, scenario)
    if figures is not None:
        return figures.weekly
    return trends.weekly_signal_share(prepared(_dataset), scenario, _dataset.users,
                                      _dataset.events)


def weekly_ai_share(dataset: Dataset, scenario: Scenario) -> pd.DataFrame:
    """The AI-chat part of the shown ads' scores per week and region (cached; each ad is
    scored at its own time, so the view's as-of day does not matter)."""
    announced = Scenario.announced()
    return _weekly_ai_share(dataset.dataset_id, scenario.with_(as_of=announced.as_of), dataset)


@st.cache_data(max_entries=16, show_spinner=False)
def _text_report(dataset_id: str, _dataset: Dataset) -> Any:
    return engine.text_report(prepared(_dataset))


def text_report(dataset: Dataset) -> Any:
    """Per-topic precision/recall of the chat-topic model and the sensitive leakage."""
    return _text_report(dataset.dataset_id, dataset)


@st.cache_data(max_entries=8, show_spinner=False)
def _event_window(dataset_id: str, _dataset: Dataset) -> tuple | None:
    ts = _dataset.events["ts"]
    if ts.empty or ts.isna().all():
        return None
    utc = ts.dt.tz_convert("UTC")
    return utc.min().date(), utc.max().date()


def event_window(dataset: Dataset) -> tuple | None:
    """The first and last day (UTC) with an event, or None for a dataset without events."""
    return _event_window(dataset.dataset_id, dataset)


@st.cache_data(max_entries=8, show_spinner=False)
def _summary(dataset_id: str, _dataset: Dataset) -> dict:
    return contract.summarize(_dataset)


def summary(dataset: Dataset) -> dict:
    """The contract's plain summary of a dataset (counts, window, sources)."""
    return _summary(dataset.dataset_id, dataset)


def safe_csv(frame: pd.DataFrame) -> bytes:
    """Every CSV the dashboard hands out goes through the export module's formula guard."""
    return export.to_safe_csv(frame)


QUALITY_METRICS = ("precision@k", "ndcg@k", "auc")


def _pick(summary: pd.DataFrame, metric: str, variant: str) -> pd.Series | None:
    rows = summary[(summary["region"] == "All") & (summary["metric"] == metric)
                   & (summary["variant"] == variant)]
    if rows.empty or pd.isna(rows["value"].iloc[0]):
        return None
    return rows.iloc[0]


def _variant(scenario: Scenario) -> str:
    return "with AI chat" if scenario.ai_chat else "without AI chat"


def quality_table(dataset: Dataset, base: Scenario, current: Scenario,
                  current_name: str = "This scenario") -> pd.DataFrame:
    """scenario, metric, value, low, high for the announced policy and this scenario."""
    rows = []
    for name, scenario in (("Announced policy", base), (current_name, current)):
        summary = quality(dataset, scenario)
        for metric in QUALITY_METRICS:
            label = labels.metric(metric)
            row = _pick(summary, metric, _variant(scenario))
            if row is not None:
                rows.append((name, label, row["value"], row["ci_low"], row["ci_high"]))
    return pd.DataFrame(rows, columns=["scenario", "metric", "value", "low", "high"])
