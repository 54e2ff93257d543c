"""The sidebar's dataset choice: the bundled sample, a freshly generated population, or uploads.

`dataset_controls()` draws the choice and returns the dataset every page then shows.
"""

from __future__ import annotations

import streamlit as st

from components import data, folder, generation, overview_top
from components.fmt import md_escape

K_GEN_USERS = "gen_users"
K_GEN_SEED = "gen_seed"
K_UPLOADER = "uploader"


def _generate(n_users: int, seed: int) -> None:
    # Made before the page is drawn, stage by stage, in the main area (components.generation).
    generation.request(n_users, seed)


def _uploader_key() -> str:
    # A new key after each loaded upload: the box empties instead of piling up earlier files.
    return f"{K_UPLOADER}_{st.session_state.get(data.K_UPLOADER_ROUND, 0)}"


def _on_upload(key: str) -> None:
    files = st.session_state.get(key) or []
    if files:
        data.load_upload(list(files))


def upload_problems() -> str | None:
    """The validator's messages about the last upload, as one escaped Markdown error text."""
    problems = st.session_state.get(data.K_UPLOAD_PROBLEMS) or []
    if not problems:
        return None
    shown = problems[:8]
    more = f"\n\n…and {len(problems) - 8} more." if len(problems) > 8 else ""
    return ("These files do not meet the data contract, so the data already loaded stays:\n\n"
            + "\n".join(f"- {md_escape(p)}" for p in shown) + more)


def dataset_controls() -> None:
    """Draw the dataset choice in the sidebar; pages read it through `data.current_dataset()`."""
    state = st.session_state
    pending = state.pop(data.K_PENDING_CHOICE, None)
    if pending:
        state[data.K_CHOICE] = pending
    side = st.sidebar
    side.subheader("Dataset")
    # A folder on this machine only when the analyst runs the app (components.folder).
    local = folder.local_run()
    options = [*data.CHOICES, *([folder.CHOICE] if local else [])]
    choice = side.radio("Dataset", options=options, key=data.K_CHOICE,
                        format_func=lambda c: data.CHOICES.get(c, "A dataset folder"),
                        label_visibility="collapsed")
    if folder.active():
        side.caption(f":material/folder_open: In use: {md_escape(folder.in_use_caption())}")
    else:
        # A first visit drawn from the stored first view does not load the sample.
        early = overview_top.peek()
        source = (early.view.in_use if early is not None
                  else overview_top.in_use_line(data.current_dataset()))
        side.caption(f":material/database: In use: {md_escape(source)}")
    if choice == folder.CHOICE:
        folder.sidebar()
    elif not local and choice in ("generated", "uploaded"):
        side.caption(folder.PUBLIC_LIMITS.format(mb=data.MAX_UPLOAD_BYTES // 1024**2,
                                                 people=data.MAX_GENERATED_USERS))
    if choice == "generated":
        with side.form("generate", border=False):
            cols = st.columns(2)
            n_users = cols[0].number_input("People", min_value=1,
                                           max_value=data.MAX_GENERATED_USERS, value=2000,
                                           step=500, key=K_GEN_USERS)
            seed = cols[1].number_input("Seed", min_value=0, max_value=2**31 - 1, value=7,
                                        step=1, key=K_GEN_SEED)
            submitted = st.form_submit_button("Generate population", width="stretch")
            st.caption(f"Up to {data.MAX_GENERATED_USERS:,} people; the same size and seed "
                       "give the same population, and a shared link brings it along.")
        if submitted:
            _generate(int(n_users), int(seed))
        if state.get(data.K_GENERATED) is None:
            side.info("No population generated yet: showing the bundled sample.")
    if choice == "uploaded":
        key = _uploader_key()
        limit = (f"at most {data.MAX_UPLOAD_BYTES // 1024**2} MB each"
                 if data.UPLOAD_BOX_MB is not None else "no size limit")
        side.file_uploader(f"users, ads and events (.csv or .parquet), together, with a "
                           f"generated world's dataset.json if it has one; {limit}",
                           type=["csv", "parquet", "json"],
                           accept_multiple_files=True, key=key, on_change=_on_upload,
                           args=(key,), max_upload_size=data.UPLOAD_BOX_MB)
        loaded = state.pop(data.K_UPLOAD_LOADED, None)
        if loaded:
            side.success(md_escape(loaded), icon=":material/check_circle:")
        problems = state.get(data.K_UPLOAD_PROBLEMS) or []
        if problems:
            files = ", ".join(md_escape(f) for f in state.get(data.K_UPLOAD_FILES) or [])
            n = len(problems)
            side.error(f"These files do not meet the data contract ({n} problem"
                       f"{'s' if n != 1 else ''}" + (f" in {files}" if files else "")
                       + "), so the data already loaded stays. The Data page lists every "
                       "problem.", icon=":material/error:")
        if state.get(data.K_UPLOADED) is None:
            side.info("Nothing uploaded yet: showing the bundled sample.")
