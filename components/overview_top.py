"""The Overview's top: the dataset line and the headline figures. Built from the engine as any
page builds its figures, stored for the bundled sample, and drawn first on a session's first visit.

A session's first run of the Overview on the bundled sample under the announced policy (no link
parameters, no dataset folder) draws the banner, the title and the stored top before the sidebar,
pandas, Plotly and the engine are loaded, so the headline is on screen while the rest is built.
The page then builds the top as always and replaces the stored one if they differ. `python -m
components.overview_top` (run by `make sample`) stores it in `components/overview_top.json`;
tests/test_overview_top.py fails until it is current.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from adlens.scenario import Scenario
from components.fmt import md_escape
from components.kpi import Kpi, kpi_row
from components.scenario_controls import counterfactual_banner

ROOT = Path(__file__).resolve().parent.parent
STORED_PATH = Path(__file__).resolve().parent / "overview_top.json"
SAMPLE_DIR = ROOT / "sample_data"
TITLE = "Overview"
# What decides the stored top besides the sample's bytes and the scenario: the code that builds
# and draws it and the stored figures it is built from (a stale file is refused, and the page
# would replace it anyway).
DEPENDS_ON = ("components/overview_top.py", "components/ai_value.py", "components/frames.py",
              "components/fmt.py", "components/kpi.py", "views/overview.py",
              "adlens/overview_sample.json", "adlens/feedback_free.json")
LOADING = ":material/hourglass_top: Drawing the charts…"
K_EARLY = "_overview_top_early"  # plain state for one run: the top drawn before the sidebar


@dataclass(frozen=True)
class Top:
    """What the Overview shows above its charts: the dataset line, the headline figures and the
    caption under them."""

    caption: str
    kpis: tuple[Kpi, ...]
    note: str

    def to_dict(self) -> dict:
        return {"caption": self.caption, "kpis": [asdict(k) for k in self.kpis],
                "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Top:
        return cls(caption=str(data["caption"]), kpis=tuple(Kpi(**k) for k in data["kpis"]),
                   note=str(data["note"]))


@dataclass(frozen=True, eq=False)
class Early:
    """The top drawn before the sidebar in this run, the placeholder holding it, and the one
    saying the charts are on their way."""

    slot: Any  # st.empty() placeholders
    top: Top
    loading: Any


# --- building it -----------------------------------------------------------------------------
def dataset_line(dataset: Any) -> str:
    return (f"{md_escape(dataset.source)} · {dataset.n_users:,} people · "
            f"{len(dataset.ads):,} ads · {dataset.n_events:,} events")


def headline(dataset: Any, scenario: Scenario) -> tuple[tuple[Kpi, ...], str]:
    """Share of ads with an AI-chat contribution, where it leads, how many ads it moves into the
    top 5 and what it adds to next week's clicks among the people who can have it; and their
    caption."""
    # The engine, pandas and the stored figures load here, never before the first paint.
    from components import ai_value, data, frames  # noqa: PLC0415
    from components.fmt import pct  # noqa: PLC0415

    # Stored for the bundled sample under the announced policy: a fresh server shows the
    # headline without ranking everyone first.
    figures = data.stored_overview(dataset, scenario)
    shares = frames.headline_shares(figures.shares if figures is not None
                                    else data.scenario_result(dataset, scenario).shares["all"])
    report = ai_value.rolling_report(dataset, scenario)
    value = ai_value.headline(report, ai_value.feedback_free(dataset.dataset_id),
                              ai_chat_on=scenario.ai_chat)
    reach = ai_value.reach(dataset, scenario)
    moved, moved_all, moved_help = ai_value.reach_text(reach)
    return (
        Kpi("Ads with an AI-chat contribution", pct(shares["ai_share"]),
            help="Share of the recommended ads (top ads per person and app) whose score has a "
                 "positive contribution from the person's chats with Meta AI."),
        Kpi("AI chats the largest contributor", pct(shares["ai_largest"]),
            help="Share of recommended ads whose biggest single contribution is the AI-chat "
                 "signal."),
        Kpi("Top-5 ads owed to AI chats", moved, delta=moved_all, delta_color="off",
            help=moved_help),
        Kpi("Next-week top-5 hit rate added by AI chats", value.text, help=value.help),
    ), ai_value.reach_caption(reach) + "  \n" + value.caption


def build(dataset: Any, scenario: Scenario) -> Top:
    kpis, note = headline(dataset, scenario)
    return Top(dataset_line(dataset), kpis, note)


# --- drawing it ------------------------------------------------------------------------------
def draw(top: Top) -> None:
    st.caption(top.caption)
    kpi_row(list(top.kpis))
    st.caption(top.note)


def show(top: Top, early: Early | None) -> None:
    """Draw the top in a placeholder of its own; when this run drew it early (see `draw_early`),
    leave it as it is if it is the same, else replace it."""
    if early is not None and early.top == top:
        return
    slot = early.slot if early is not None else st.empty()
    with slot.container():
        draw(top)


def charts_follow(early: Early | None) -> None:
    """The page draws its charts now: the line saying they are on their way goes."""
    if early is not None:
        early.loading.empty()


def take() -> Early | None:
    """The top this run drew before the sidebar, once (the Overview page asks)."""
    return st.session_state.pop(K_EARLY, None)


def forget() -> None:
    """After the page: nothing drawn early outlives its run."""
    st.session_state.pop(K_EARLY, None)


# --- storing it ------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def key(root: Path = ROOT, sample: Path = SAMPLE_DIR) -> dict:
    """What a stored top must have been built from to be drawn: every file of the sample folder
    (SHA-256), the sources and stored figures in DEPENDS_ON, and the announced policy."""
    return {"sample": {p.name: _sha256(p) for p in sorted(Path(sample).iterdir())
                       if p.is_file()},
            "code": {name: _sha256(Path(root) / name) for name in DEPENDS_ON},
            "scenario": json.loads(Scenario.announced().to_json())}


def store(path: Path = STORED_PATH) -> dict:
    """Build the bundled sample's top under the announced policy and write it with its key."""
    from adlens import checked  # noqa: PLC0415 — the command line only

    top = build(checked.load_dataset(SAMPLE_DIR), Scenario.announced())
    data = {"key": key(), "top": top.to_dict()}
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    return data


def stored(path: Path = STORED_PATH, root: Path = ROOT, sample: Path = SAMPLE_DIR
           ) -> Top | None:
    """The stored top when its key is this sample's, code's and policy's; else None."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key(root, sample):
            return None
        return Top.from_dict(data["top"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def first_visit(params: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> bool:
    """Whether this run is a session's first with nothing asked for: no session state yet, no
    link parameters and no dataset folder given to the server. The sidebar then opens on the
    bundled sample under the announced policy."""
    env = os.environ if environ is None else environ
    return (not params and not env.get("ADLENS_DATA_DIR", "").strip()
            and len(st.session_state) == 0)


def draw_early(is_overview: bool, params: Mapping[str, Any]) -> bool:
    """On a session's first visit (`first_visit`) to the Overview, draw what it shows first —
    the policy banner, the title and the stored top — before the sidebar and the engine load.
    Returns whether it did; the page then confirms or replaces the top (`take`, `show`)."""
    if not (is_overview and first_visit(params)):
        return False
    top = stored()
    if top is None:
        return False
    counterfactual_banner(Scenario.announced())
    st.title(TITLE)
    slot = st.empty()
    with slot.container():
        draw(top)
    # Where the charts will be, until the page draws them (`charts_follow`).
    loading = st.empty()
    loading.caption(LOADING)
    st.session_state[K_EARLY] = Early(slot, top, loading)
    return True


def main() -> int:
    data = store()
    print(f"stored {STORED_PATH.name} ({len(data['top']['kpis'])} headline figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
