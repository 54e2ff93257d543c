"""The Overview's first view: the dataset line, the headline figures, the two charts and the
rules, stored for the bundled sample and drawn on a session's first visit without pandas, NumPy,
Arrow or the engine.

A session's first run of the Overview on the bundled sample under the announced policy (no link
parameters, no dataset folder) draws the banner, the title and the headline figures from
`components/overview_top.json` before the sidebar, then, after the sidebar, the charts and the
rules from the same file: a fresh server shows the whole page after importing only Streamlit and
the app's light modules. The file is used only when its key matches exactly (every file of the
sample, the source of every module that builds or draws the page, the library versions and
Python's); everything after the first run is computed as always. `python -m
components.overview_top` (run by `make sample`) stores it; tests/test_overview_top.py fails until
it is current.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import streamlit as st

from adlens.scenario import Scenario
from components import light_chart
from components.fmt import md_escape
from components.kpi import Kpi, kpi_row
from components.layout import load_charts_early
from components.page import chart, section
from components.scenario_controls import counterfactual_banner

ROOT = Path(__file__).resolve().parent.parent
STORED_PATH = Path(__file__).resolve().parent / "overview_top.json"
SAMPLE_DIR = ROOT / "sample_data"
TITLE = "Overview"
# What decides the stored first view besides the sample's bytes and the scenario: the code that
# builds and draws it and the stored figures it is built from (a stale file is refused).
DEPENDS_ON = ("components/overview_top.py", "components/ai_value.py", "components/frames.py",
              "components/light_chart.py",
              "components/fmt.py", "components/kpi.py", "components/charts.py",
              "components/colors.py", "components/scenario_controls.py",
              "components/dataset_controls.py", "components/page.py", "views/overview.py",
              "adlens/labels.py",
              "adlens/schema.py", "adlens/scenario.py", "adlens/overview_sample.json",
              "adlens/feedback_free.json")
# Libraries whose version can change a figure's numbers or its JSON.
LIBRARIES = ("numpy", "pandas", "pyarrow", "scikit-learn", "plotly", "streamlit")
K_EARLY = "_overview_top_early"  # plain state for one run: the first view this run draws
# The part of the page below the headline (draw_body), on a first visit and on every later run.
PEOPLE_CAPTION = ("Look at how many people in each region use Meta AI: only they can have an "
                  "AI-chat signal at all.")
NO_PEOPLE = "There are no people in this dataset."
TREND_CAPTION = ("Each ad people saw, scored with what was known at that moment. Left of the "
                 "dashed line AI chats do not count; after it they count only where the rules "
                 "let them, so the excluded regions stay at zero.")
NO_TREND = "No ad was shown in this dataset, so there is nothing to follow over time."
TREND_KEY = "ai_share_trend"
# The reach figure is over the people who can have the signal, not over everyone like the two
# figures before it: its label says so (the figure over everyone is in the caption below).
OWED_LABEL = "Top-5 ads owed to AI chats, among people who can have the signal"
# How long a first visit waits after sending the headline before the sidebar. The browser
# draws the four figures once it has loaded st.metric's small script; anything new that arrives
# meanwhile — a chart, the sidebar's widgets, each with a script of its own to load — holds them
# back (React holds an element whose script has arrived while others that came with or after it
# are still loading), and Plotly's 4.7 MB script then keeps the browser busy for a second or
# more. Measured on the 2-core machine at load 7–12 (four cold starts each): the figures were on
# screen 0.2–0.3 s after being sent in all four with this wait before the sidebar and the
# charts, 1.4–5.3 s with no wait (docs/SCALE.md, section 1).
HEADLINE_LEAD_S = 0.3


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


@dataclass(frozen=True)
class FirstView:
    """The whole first Overview: its top, the two charts as Plotly JSON (what st.plotly_chart
    sends), the rules as Markdown and the sidebar's "In use" line."""

    top: Top
    people_chart: dict | None
    trend_chart: dict | None
    rules: str
    in_use: str

    def to_dict(self) -> dict:
        return {"top": self.top.to_dict(), "people_chart": self.people_chart,
                "trend_chart": self.trend_chart, "rules": self.rules, "in_use": self.in_use}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FirstView:
        return cls(top=Top.from_dict(data["top"]), people_chart=data["people_chart"],
                   trend_chart=data["trend_chart"], rules=str(data["rules"]),
                   in_use=str(data["in_use"]))


@dataclass(frozen=True, eq=False)
class Early:
    """The first view this run drew from the stored file (the sidebar's "In use" line reads
    it), and whether its charts are drawn with plotly.js's basic bundle (checked once, before
    the headline's wait: light_chart.draws_all)."""

    view: FirstView
    light: bool = False
    lead_until: float = 0.0  # time.monotonic() until which the sidebar waits (hold_headline)


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
    moved, moved_help = ai_value.reach_text(reach)
    return (
        Kpi("Ads with an AI-chat contribution", pct(shares["ai_share"]),
            help="Share of the recommended ads (top ads per person and app) whose score has a "
                 "positive contribution from the person's chats with Meta AI."),
        Kpi("AI chats the largest contributor", pct(shares["ai_largest"]),
            help="Share of recommended ads whose biggest single contribution is the AI-chat "
                 "signal."),
        Kpi(OWED_LABEL, moved, help=moved_help),
        Kpi("Next-week top-5 hit rate added by AI chats", value.text, help=value.help),
    ), ai_value.reach_caption(reach) + "  \n" + value.caption


def build(dataset: Any, scenario: Scenario) -> Top:
    kpis, note = headline(dataset, scenario)
    return Top(dataset_line(dataset), kpis, note)


def people_chart(dataset: Any) -> Any:
    """People per region, by Meta AI use (a Plotly figure, or None without people)."""
    from components import charts, frames  # noqa: PLC0415 — Plotly figures and pandas

    return charts.people_by_region_chart(frames.people_by_region(dataset.users))


def trend_chart(dataset: Any, scenario: Scenario) -> Any:
    """The AI-chat part of the shown ads' scores, week by week and per region."""
    from components import charts, data  # noqa: PLC0415 — Plotly figures and pandas

    return charts.signal_share_trend_chart(data.weekly_ai_share(dataset, scenario),
                                           scenario.policy_start)


def rules_markdown(rules: Any) -> str:
    """The rules (frames.rules_in_force) as a short list; a rule that differs from the announced
    policy is flagged."""
    lines = []
    for rule, now, announced, counterfactual in rules[
            ["rule", "this view", "announced policy", "counterfactual"]].itertuples(index=False):
        if counterfactual:
            lines.append(f"- :orange[**{rule}: {now}**] — counterfactual (announced: "
                         f"{announced})")
        else:
            lines.append(f"- {rule}: **{now}**")
    return "\n".join(lines)


def in_use_line(dataset: Any) -> str:
    """The sidebar's line saying which data is in use: its source, with its people."""
    people = f"{dataset.n_users:,} people"
    return dataset.source if people in dataset.source else f"{dataset.source} ({people})"


def _figure_json(fig: Any) -> dict | None:
    # What st.plotly_chart sends for this figure, so the stored one draws the same.
    import plotly.io  # noqa: PLC0415

    return None if fig is None else json.loads(plotly.io.to_json(fig, validate=False))


def build_first_view(dataset: Any, scenario: Scenario) -> FirstView:
    from components import frames  # noqa: PLC0415

    return FirstView(top=build(dataset, scenario),
                     people_chart=_figure_json(people_chart(dataset)),
                     trend_chart=_figure_json(trend_chart(dataset, scenario)),
                     rules=rules_markdown(frames.rules_in_force(scenario)),
                     in_use=in_use_line(dataset))


# --- drawing it ------------------------------------------------------------------------------
def draw(top: Top) -> None:
    st.caption(top.caption)
    draw_headline(top)


def draw_headline(top: Top) -> None:
    kpi_row(list(top.kpis))
    st.caption(top.note)


def draw_body(people: Any, rules: str, trend: Callable[[], Any], light: bool = False) -> None:
    """Below the headline: people per region beside the rules in force, then the AI-chat part of
    the scores week by week. `people` and `trend()` give a Plotly figure or its stored JSON
    (None: a sentence instead); a failing `trend` leaves the rest standing. `light`: both are
    stored JSON found drawable with the basic bundle (Early.light)."""
    left, right = st.columns([3, 2])
    with left:
        chart(people, PEOPLE_CAPTION, NO_PEOPLE, light=light)
    with right:
        st.subheader("Rules in force")
        st.markdown(rules)
    with section():
        chart(trend(), TREND_CAPTION, NO_TREND, key=TREND_KEY, light=light)


def peek() -> Early | None:
    """The first view this run draws from the stored file, if any (the sidebar asks)."""
    return st.session_state.get(K_EARLY)


def take() -> Early | None:
    """The first view this run draws from the stored file, once (the Overview page asks)."""
    return st.session_state.pop(K_EARLY, None)


def forget() -> None:
    """After the page: nothing drawn early outlives its run."""
    st.session_state.pop(K_EARLY, None)


# --- storing it ------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def key(root: Path = ROOT, sample: Path = SAMPLE_DIR) -> dict:
    """What a stored first view must have been built from to be drawn: every file of the sample
    folder (SHA-256), the sources and stored figures in DEPENDS_ON, the library versions,
    Python's major version and the announced policy."""
    return {"sample": {p.name: _sha256(p) for p in sorted(Path(sample).iterdir())
                       if p.is_file()},
            "code": {name: _sha256(Path(root) / name) for name in DEPENDS_ON},
            "libraries": {name: version(name) for name in LIBRARIES},
            # Major version only: JSON reads alike in any Python 3, and the deployment's
            # Python (3.12) need not be the one the view was stored with (see artifacts).
            "python": str(sys.version_info.major),
            "scenario": json.loads(Scenario.announced().to_json())}


def store(path: Path = STORED_PATH) -> dict:
    """Build the bundled sample's first view under the announced policy and write it with its
    key."""
    from adlens import checked  # noqa: PLC0415 — the command line only

    dataset = checked.load_dataset(SAMPLE_DIR)
    scenario = Scenario.announced()
    first, last = (dataset.events["ts"].min().date(), dataset.events["ts"].max().date())
    if not first <= scenario.as_of <= last:  # the page would show a sentence instead
        raise SystemExit("the announced view's day is outside the sample's days")
    data = {"key": key(), "view": build_first_view(dataset, scenario).to_dict()}
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    return data


def stored(path: Path = STORED_PATH, root: Path = ROOT, sample: Path = SAMPLE_DIR
           ) -> FirstView | None:
    """The stored first view when its key is this sample's, code's, libraries' and policy's;
    else None."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key(root, sample):
            return None
        return FirstView.from_dict(data["view"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def first_visit(params: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> bool:
    """Whether this run is a session's first with nothing asked for: no link parameters, no
    dataset folder given to the server and no session state yet. The sidebar then opens on the
    bundled sample under the announced policy."""
    env = os.environ if environ is None else environ
    return (not params and not env.get("ADLENS_DATA_DIR", "").strip()
            and len(st.session_state) == 0)


def draw_early(is_overview: bool, params: Mapping[str, Any]) -> bool:
    """On a session's first visit (`first_visit`) to the Overview, draw what it shows first —
    the policy banner, the title and the stored headline figures — before the sidebar; the
    browser gets HEADLINE_LEAD_S to draw them before the sidebar's widgets and the charts arrive
    (app.py waits with `hold_headline`, after its imports). Returns whether it did; the page
    then draws the stored charts and rules (`take`)."""
    if not (is_overview and first_visit(params)):
        return False
    view = stored()
    if view is None:
        return False
    counterfactual_banner(Scenario.announced())
    st.title(TITLE)
    draw(view.top)
    light = light_chart.draws_all([view.people_chart, view.trend_chart])
    if not light:
        # Charts left to st.plotly_chart: ask for its script as soon as the headline is drawn.
        load_charts_early(len(view.top.kpis))
    # The browser draws the headline before anything else arrives: app.py waits for this
    # moment (hold_headline) before the sidebar, after the imports the run needs anyway.
    st.session_state[K_EARLY] = Early(view, light, time.monotonic() + HEADLINE_LEAD_S)
    return True


def hold_headline() -> None:
    """On a first visit drawn early (`draw_early`), wait until HEADLINE_LEAD_S have passed
    since the headline was sent; else return at once. app.py calls it just before the sidebar's
    first element, so the modules the rest of the run imports load during the wait instead of
    after it."""
    early = peek()
    if early is not None:
        time.sleep(max(0.0, early.lead_until - time.monotonic()))


def main() -> int:
    data = store()
    print(f"stored {STORED_PATH.name} ({len(data['view']['top']['kpis'])} headline figures, "
          "two charts, the rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
