"""The guided story for demos: five steps from "is it listening?" to the answer.

Each step sets the scenario and opens the page that answers it.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from adlens.scenario import Scenario
from components.scenario_controls import K_GOTO, K_PERSON, apply_scenario

K_STEP = "story_step"


@dataclass(frozen=True)
class Step:
    title: str
    page: str  # file under views/
    narrative: str
    scenario: Scenario


STEPS: tuple[Step, ...] = (
    Step("Is it listening?", "views/recall.py",
         "You talk about hiking, and a hiking ad appears: it feels like the phone listened. "
         "These are such moments in the data. Pick one and look at what the person saw "
         "*before* the conversation; the last chart asks what the data would look like if "
         "ads really came from a microphone.",
         Scenario.announced()),
    Step("What picks an ad", "views/why_this_ad.py",
         "Every ad's score is a sum: a baseline plus one contribution per signal. The "
         "waterfall shows this person's signals — likes, follows, advertisers' site visits, "
         "similar people and, since 16 Dec 2025, chats with Meta AI.",
         Scenario.announced()),
    Step("How much the AI chats weigh", "views/contributions.py",
         "Across everyone: the AI-chat share by region. In the EU, the UK and South Korea it "
         "is zero under the announced policy.",
         Scenario.announced()),
    Step("What if the EU were not excluded?", "views/what_if.py",
         "A counterfactual: the AI-chat signal also used in the EU. Compare with the announced "
         "policy — how many people's top ads change, and what happens to ranking quality.",
         Scenario.announced().with_(excluded_regions=("KR", "UK"))),
    Step("The answer", "views/overview.py",
         "Not the microphone: what people do on the apps, what advertisers share, what similar "
         "people like and ads seen and forgotten — and from 16 Dec 2025 outside the EU, UK and "
         "South Korea, what they tell Meta AI.",
         Scenario.announced()),
)


def _start(index: int) -> None:
    step = STEPS[index]
    apply_scenario(step.scenario)
    st.session_state.pop(K_PERSON, None)
    st.session_state[K_STEP] = index
    st.session_state[K_GOTO] = step.page


def _stop() -> None:
    st.session_state.pop(K_STEP, None)


def story_controls() -> None:
    """The sidebar's list of story steps; a click sets the scenario and opens the page."""
    current = st.session_state.get(K_STEP)
    with st.sidebar.expander("Guided story", icon=":material/slideshow:",
                             expanded=current is not None):
        for i, step in enumerate(STEPS):
            st.button(f"{i + 1}. {step.title}", key=f"story_{i}", on_click=_start, args=(i,),
                      type="primary" if current == i else "secondary", width="stretch")
        if current is not None:
            st.button("End the story", key="story_end", on_click=_stop, type="tertiary")


def pending_page() -> str | None:
    """The page a story step asked to open, once."""
    return st.session_state.pop(K_GOTO, None)


def story_box(page_file: str) -> None:
    """On the page of the current step: its narrative and a button to the next step."""
    index = st.session_state.get(K_STEP)
    if index is None or STEPS[index].page != page_file:
        return
    step = STEPS[index]
    with st.container(border=True):
        st.markdown(f"**Step {index + 1} of {len(STEPS)} — {step.title}**  \n{step.narrative}")
        if index + 1 < len(STEPS):
            st.button(f"Next: {STEPS[index + 1].title}", key="story_next", on_click=_start,
                      args=(index + 1,), icon=":material/arrow_forward:")
        else:
            st.button("End the story", key="story_end_box", on_click=_stop)
