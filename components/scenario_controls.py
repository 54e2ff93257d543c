"""The sidebar's scenario switches, their sync with the URL, and the counterfactual banner.

`scenario_controls()` draws the switches and returns the `Scenario` they describe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import streamlit as st

from adlens import schema
from adlens.scenario import DATE_BOUNDS, Scenario
from components.fmt import md_escape

if TYPE_CHECKING:
    from adlens.memory import MemoryParams

# Widget keys; the story and the reset button write these before the widgets are drawn.
K_AI_CHAT = "sc_ai_chat"
K_REGION = {r: f"sc_exclude_{r}" for r in schema.EXCLUDABLE_REGIONS}
K_SENSITIVE = "sc_sensitive"
K_LINK = "sc_link_rule"
K_POLICY_START = "sc_policy_start"
K_AS_OF = "sc_as_of"
K_HALF_LIVES = "sc_half_lives"  # plain state (edited on the Method page), not a widget
K_THRESHOLD = "sc_sensitive_threshold"  # plain state (set on the What-if page); None = chosen
K_MEMORY = "memory_params"  # plain state: the memory assumptions (edited on the Method page)
K_PERSON = "person"  # plain state: the person the "Why this ad" page shows
K_PERSON_INPUT = "person_input"  # the "Why this ad" page's person-id box
PERSON_PARAM = "person"
# plain state: the moment "Why this ad" shows the person's ads at (opened from a coincidence):
# {"person", "ts" (ISO), "ad_id", "what"}; absent = as of the view's day.
K_MOMENT = "person_moment"
K_GOTO = "_goto_page"  # plain state: a page a callback asked to open (app.py switches once)
K_URL_NOTES = "_url_notes"  # plain state: what the opening link asked for and could not get
K_INITIALISED = "_scenario_initialised"  # plain state: the opening link has been read

EARLIEST, LATEST = DATE_BOUNDS


def apply_scenario(scenario: Scenario) -> None:
    """Set every switch to `scenario` (call before the widgets are drawn, e.g. in a callback)."""
    state = st.session_state
    state[K_AI_CHAT] = scenario.ai_chat
    for region, key in K_REGION.items():
        state[key] = region in scenario.excluded_regions
    state[K_SENSITIVE] = scenario.sensitive_list
    state[K_LINK] = scenario.link_rule
    state[K_POLICY_START] = scenario.policy_start
    state[K_AS_OF] = scenario.as_of
    state[K_HALF_LIVES] = dict(scenario.half_lives)
    state[K_THRESHOLD] = scenario.sensitive_threshold


def init_from_url(params: Mapping[str, str | list[str]]) -> None:
    """On a session's first run, open the scenario and person a copied link describes."""
    if K_INITIALISED in st.session_state:
        return
    st.session_state[K_INITIALISED] = True
    read = Scenario.read_query_params(params)
    apply_scenario(read.scenario)
    st.session_state[K_URL_NOTES] = read.notes
    person = params.get(PERSON_PARAM)
    if isinstance(person, list):
        person = person[-1] if person else None
    if person:
        st.session_state[K_PERSON] = str(person)


def current_scenario() -> Scenario:
    """The scenario the switches describe now; a switch not drawn yet reads as announced."""
    state = st.session_state
    announced = Scenario.announced()
    return Scenario(
        as_of=state.get(K_AS_OF, announced.as_of),
        ai_chat=state.get(K_AI_CHAT, announced.ai_chat),
        policy_start=state.get(K_POLICY_START, announced.policy_start),
        excluded_regions=tuple(r for r, k in K_REGION.items()
                               if state.get(k, r in announced.excluded_regions)),
        sensitive_list=state.get(K_SENSITIVE, announced.sensitive_list),
        link_rule=state.get(K_LINK, announced.link_rule),
        half_lives=tuple(state.get(K_HALF_LIVES, dict(announced.half_lives)).items()),
        sensitive_threshold=state.get(K_THRESHOLD, announced.sensitive_threshold),
    )


def current_memory_params() -> MemoryParams:
    """The memory assumptions in force for this session (defaults until edited)."""
    # adlens.memory imports pandas: loaded when a page needs the assumptions, not with the
    # sidebar, so the first Overview's top is drawn before pandas (components/overview_top.py).
    from adlens.memory import MemoryParams  # noqa: PLC0415

    return st.session_state.get(K_MEMORY) or MemoryParams()


def _reset() -> None:
    apply_scenario(Scenario.announced())


def scenario_controls() -> Scenario:
    """Draw the policy switches in the sidebar and return the scenario they describe."""
    # A switch whose state went missing reads the announced policy, never a widget default.
    apply_scenario(current_scenario())
    side = st.sidebar
    side.subheader("Policy rules")
    side.toggle("AI-chat signal used for ads", key=K_AI_CHAT,
                help="From 16 Dec 2025 Meta uses conversations with Meta AI to personalise "
                     "ads and content. Off = counterfactual world without it.")
    for region, key in K_REGION.items():
        name = schema.EXCLUDABLE_REGIONS[region][0]
        side.toggle(f"Not used in the {region}" if region != "KR" else "Not used in South Korea",
                    key=key, help=f"{name}: the AI-chat signal is not used there under the "
                                  "announced policy.")
    side.selectbox("Sensitive topics never used for ads", options=list(schema.SENSITIVE_LISTS),
                   format_func=lambda k: schema.SENSITIVE_LIST_SHORT[k], key=K_SENSITIVE,
                   help=schema.SENSITIVE_LIST_HELP)
    side.toggle("Chats shape ads only in linked apps", key=K_LINK,
                help="A chat in app A shapes ads in app B only if both are linked in the "
                     "person's Accounts Center.")
    side.date_input("AI chats used from", key=K_POLICY_START, min_value=EARLIEST,
                    max_value=LATEST, format="YYYY-MM-DD")
    side.date_input("View as of", key=K_AS_OF, min_value=EARLIEST, max_value=LATEST,
                    format="YYYY-MM-DD", help="Events up to and including this day count.")
    scenario = current_scenario()
    side.button("Back to the announced policy", on_click=_reset,
                disabled=not scenario.differences(), width="stretch")
    return scenario


def open_person(person: str, moment: dict | None = None, goto: bool = False) -> None:
    """Show `person` on the "Why this ad" page (call before its widgets are drawn, e.g. as a
    callback), as of `moment` (a coincidence: see K_MOMENT) or the view's day; `goto` opens
    that page."""
    st.session_state[K_PERSON] = person
    st.session_state[K_PERSON_INPUT] = person
    if moment:
        st.session_state[K_MOMENT] = {**moment, "person": person}
    else:
        st.session_state.pop(K_MOMENT, None)
    if goto:
        st.session_state[K_GOTO] = "views/why_this_ad.py"


def announced_base(scenario: Scenario) -> Scenario:
    """The announced policy to compare `scenario` with: same as-of day and half-lives."""
    return Scenario.announced(as_of=scenario.as_of).with_(half_lives=scenario.half_lives)


def view_params(scenario: Scenario) -> dict[str, str]:
    """The query parameters of this view: the scenario and the person shown."""
    from components.generation import dataset_params  # noqa: PLC0415 — it imports data

    params = {**dataset_params(), **scenario.to_query_params()}
    person = st.session_state.get(K_PERSON)
    if person:
        params[PERSON_PARAM] = str(person)
    return params


def sync_url(scenario: Scenario) -> None:
    """Keep the URL equal to the scenario and person, so a copied link opens the same view."""
    wanted = view_params(scenario)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def as_of_outside(scenario: Scenario, window: tuple | None) -> str | None:
    """The sentence to show instead of figures when the view's day lies outside the data's
    days (`window`: first and last day, or None when there are no events); None when inside."""
    if window is None:
        return ("This dataset has no events, so there is nothing to rank or measure as of any "
                "day.")
    first, last = window
    if first <= scenario.as_of <= last:
        return None
    side = "before the data starts" if scenario.as_of < first else "after the data ends"
    return (f"The data runs from {first:%d %b %Y} to {last:%d %b %Y}. Viewed as of "
            f"{scenario.as_of:%d %b %Y}, {side}, there is nothing to rank or measure, so this "
            "page shows no figures. Pick a day in that range under “View as of” in the sidebar.")


def view_as_of(day) -> None:
    """Callback: set the view's day (before the widgets are drawn)."""
    st.session_state[K_AS_OF] = day


def counterfactual_banner(scenario: Scenario) -> None:
    """Say, on every page, which rules differ from the policy Meta announced (and, once,
    what the opening link asked for that could not be shown)."""
    notes = st.session_state.pop(K_URL_NOTES, None)
    if notes:
        st.info("\n".join(f"- {md_escape(note)}" for note in notes), icon=":material/link_off:")
    lines = scenario.differences()
    if not lines:
        st.caption(":material/verified: Announced policy in force (AI chats used from "
                   f"{schema.POLICY_START:%d %b %Y}; not in the EU, UK or South Korea; "
                   "Meta's 7 sensitive topics excluded; linked apps only). "
                   f"Viewing as of {scenario.as_of:%d %b %Y}.")
        return
    counterfactual = scenario.is_counterfactual
    head = ("**Counterfactual view** — this differs from the policy Meta announced:"
            if counterfactual else "**Model settings changed** from the defaults:")
    body = "\n".join(f"- {line}" for line in lines)
    st.warning(f"{head}\n{body}", icon=":material/science:")


