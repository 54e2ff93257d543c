"""Generating a population as one step with named stages, and the dataset a shared link carries.

A generated population travels in a link by its size and seed and is generated again on open;
an uploaded one cannot travel, and the page says so.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from adlens.scenario import Scenario
from components import data
from components.fmt import md_escape

K_SPEC = "ds_generated_spec"  # plain state: (people, seed) of the generated population in use
K_PENDING = "_ds_generate"  # plain state: (people, seed) to generate at the top of the next run
K_URL_READ = "_ds_url_read"
K_NOTE = "_ds_url_note"
DATA_PARAM, PEOPLE_PARAM, SEED_PARAM = "data", "people", "seed"

# Share of the progress bar each stage takes (generation dominates on large populations).
STAGES = (("Generating {n:,} people", 0.55), ("Checking them against the data contract", 0.1),
          ("Preparing signals and models", 0.25), ("Ranking ads under this scenario", 0.1))

# While a population is made, the page's previous figures (about the previous dataset) are
# hidden instead of shown greyed under the new caption.
HIDE_STALE = ('<style>[data-testid="stMain"] [data-stale="true"] { display: none !important; }'
              "</style>")


def request(n_users: int, seed: int) -> None:
    """Ask for a population; the next run generates it before drawing any page."""
    st.session_state[K_PENDING] = (int(n_users), int(seed))


def dataset_params() -> dict[str, str]:
    """The query parameters that bring this session's dataset along in a link."""
    state = st.session_state
    choice = state.get(data.K_CHOICE, "sample")
    spec = state.get(K_SPEC)
    if choice == "generated" and state.get(data.K_GENERATED) is not None and spec:
        return {DATA_PARAM: "generated", PEOPLE_PARAM: str(spec[0]), SEED_PARAM: str(spec[1])}
    if choice == "uploaded" and state.get(data.K_UPLOADED) is not None:
        return {DATA_PARAM: "uploaded"}
    return {}


def read_url(params: Mapping[str, str | list[str]]) -> None:
    """On a session's first run: a link to a generated population asks for it again; a link
    made on uploaded files says they could not come along."""
    if st.session_state.get(K_URL_READ):
        return
    st.session_state[K_URL_READ] = True

    def one(name: str) -> str:
        value = params.get(name, "")
        return str(value[-1] if isinstance(value, list) and value else value or "")

    kind = one(DATA_PARAM)
    if kind == "uploaded":
        st.session_state[K_NOTE] = ("This link was made on uploaded files, which cannot travel "
                                    "in a link: you are seeing the bundled sample. Upload the "
                                    "same files in the sidebar to see what its author saw.")
    elif kind == "generated":
        try:
            n_users, seed = int(one(PEOPLE_PARAM)), int(one(SEED_PARAM))
        except ValueError:
            n_users, seed = 0, -1
        if 1 <= n_users <= data.MAX_GENERATED_USERS and 0 <= seed < 2**31:
            request(n_users, seed)
        else:
            st.session_state[K_NOTE] = (
                f"This link asks for a generated population of “{md_escape(one(PEOPLE_PARAM))}"
                f"” people with seed “{md_escape(one(SEED_PARAM))}”; a population has 1 to "
                f"{data.MAX_GENERATED_USERS:,} people and a seed from 0 to 2,147,483,647, so "
                "the bundled sample is shown instead.")


def note() -> None:
    """Say once what a link's dataset could not bring."""
    text = st.session_state.pop(K_NOTE, None)
    if text:
        st.info(text, icon=":material/link_off:")


def run_pending(scenario: Scenario) -> None:
    """Generate a requested population in the main area, stage by stage, hiding the old
    figures; then make it this session's dataset and rerun. Does nothing when none is asked."""
    pending = st.session_state.pop(K_PENDING, None)
    if not pending:
        return
    n_users, seed = pending
    st.html(HIDE_STALE)
    st.subheader(f"Making a population of {n_users:,} people (seed {seed})")
    bar = st.progress(0.0)
    done = 0.0

    def stage(i: int, within: float = 0.0, detail: str = "") -> None:
        name, width = STAGES[i]
        text = f"Step {i + 1} of {len(STAGES)}: {name.format(n=n_users)}"
        bar.progress(min(done + width * within, 1.0), text=text + (f" ({detail})"
                                                                    if detail else "") + "…")

    # The generator and the contract load only when a population is made (not on a cold start).
    from adlens import contract, simulate  # noqa: PLC0415

    try:
        stage(0)
        frames = simulate.generate_frames(
            n_users, seed, progress=lambda f, *rest: stage(0, float(f), str(rest[0]) if rest
                                                           else ""))
        done += STAGES[0][1]
        stage(1)
        dataset = contract.from_frames(frames, source=f"Generated: {n_users:,} people, seed "
                                                      f"{seed}",
                                       meta=simulate.population_meta(n_users, seed))
        del frames
        done += STAGES[1][1]
        stage(2)
        data.prepared(dataset)
        done += STAGES[2][1]
        stage(3)
        data.scenario_result(dataset, scenario)
        bar.progress(1.0, text="Done.")
    except Exception as error:  # noqa: BLE001 — a sentence, and the data in use stays
        bar.empty()
        st.error(f"The population could not be made ({type(error).__name__}: "
                 f"{md_escape(str(error)[:200])}); the data in use stays.",
                 icon=":material/error:")
        return
    st.session_state[data.K_GENERATED] = dataset
    st.session_state[K_SPEC] = (n_users, seed)
    st.session_state[data.K_PENDING_CHOICE] = "generated"
    st.rerun()
