"""Page tests: every page of the dashboard runs under AppTest, widgets change what they should,
and the figures carry the right data (read from the Plotly JSON each chart sends)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apptest_app import new_app, started
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from adlens import contract, schema

APP = str(Path(__file__).parent.parent / "app.py")
SAMPLE = Path(__file__).parent.parent / "sample_data"
PAGES = ("views/overview.py", "views/why_this_ad.py", "views/contributions.py",
         "views/what_if.py", "views/recall.py", "views/data.py", "views/method.py")

TINY_USERS = ("user_id,country,age_band,uses_meta_ai,linked_apps\n"
              "solo,US,25-34,true,facebook|instagram|meta_ai\n")
TINY_ADS = ("ad_id,advertiser,topic,title\n"
            "ad1,TrailCo,hiking,<script>alert(1)</script> **boots** [x](http://evil)\n")
TINY_EVENTS = ("event_id,user_id,ts,app,event_type,topic,text,modality,ad_id,dwell_ms\n"
               "e1,solo,2026-01-10T10:00:00Z,meta_ai,ai_chat,,best hiking boots for rain?,"
               "text,,\n")


def run_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, f"{page}: {[e.value for e in at.exception]}"
    return at


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def traces_named(at: AppTest, name: str) -> list[dict]:
    return [t for spec in specs(at) for t in spec["data"] if t.get("name") == name]


def numbers(values) -> list[float]:
    if isinstance(values, dict):  # plotly's typed-array encoding
        import base64

        import numpy as np

        raw = base64.b64decode(values["bdata"])
        return np.frombuffer(raw, dtype=values["dtype"]).astype(float).tolist()
    return [float(v) for v in values]


def metric(at: AppTest, label: str) -> str:
    for m in at.metric:
        if m.label == label:
            return m.value
    raise AssertionError(f"no metric {label!r}: {[m.label for m in at.metric]}")


@pytest.fixture(scope="module")
def at() -> AppTest:
    return started()


@pytest.fixture(scope="module")
def tiny_dataset():
    return contract.load_uploaded({"users.csv": TINY_USERS.encode(),
                                   "ads.csv": TINY_ADS.encode(),
                                   "events.csv": TINY_EVENTS.encode()})


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_sample(at: AppTest, page: str) -> None:
    run_page(at, page)
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value


def test_overview_shows_the_headline_figures_and_charts(at: AppTest) -> None:
    run_page(at, "views/overview.py")
    share = metric(at, "Ads with an AI-chat contribution")
    assert share.endswith("%")
    kinds = {t["type"] for spec in specs(at) for t in spec["data"]}
    assert {"bar", "scatter"} <= kinds  # people by region, events over time


def flip(at: AppTest, key: str, value: bool) -> AppTest:
    """Set one of the sidebar's switches, as an analyst would."""
    at.sidebar.toggle(key=key).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_ai_chat_off_leaves_no_ai_chat_contribution_anywhere(at: AppTest) -> None:
    run_page(at, "views/contributions.py")
    on = [v for t in traces_named(at, "AI chats") for v in numbers(t["x"])]
    assert on and max(on) > 0, "the sample should have some AI-chat contribution"
    flip(at, "sc_ai_chat", False)
    off = [v for t in traces_named(at, "AI chats") for v in numbers(t["x"])]
    assert off and max(off) == 0
    assert at.query_params.get("ai_chat") in ("off", ["off"])
    assert any("AI-chat signal switched off" in w.value for w in at.warning)
    run_page(at, "views/why_this_ad.py")
    assert specs(at), "the person's waterfalls are drawn"
    assert not traces_named(at, "AI chats"), "no waterfall step for a switched-off signal"
    run_page(at, "views/overview.py")
    assert metric(at, "Ads with an AI-chat contribution") == "0.0%"
    flip(at, "sc_ai_chat", True)
    assert metric(at, "Ads with an AI-chat contribution") != "0.0%"
    assert "ai_chat" not in at.query_params


def test_region_switch_changes_the_eu_share(at: AppTest) -> None:
    run_page(at, "views/contributions.py")

    def eu_ai_share() -> float:
        for spec in specs(at):
            if "region" not in spec["layout"]["title"]["text"]:
                continue
            for trace in spec["data"]:
                if trace["name"] == "AI chats":
                    groups = list(trace["y"])
                    return numbers(trace["x"])[groups.index("European Union")]
        raise AssertionError("no region chart")

    assert eu_ai_share() == 0
    flip(at, "sc_exclude_EU", False)
    assert eu_ai_share() > 0
    assert at.query_params.get("excluded") in ("KR,UK", ["KR,UK"])
    flip(at, "sc_exclude_EU", True)
    assert eu_ai_share() == 0


def test_the_region_chart_draws_the_engines_shares(at: AppTest) -> None:
    # The page groups the cached ranking (float32 scores) instead of ranking again: the bars
    # must still be the engine's own shares for each region and signal.
    from adlens import engine, schema
    from adlens.scenario import Scenario
    from components.colors import REGION_LABELS

    run_page(at, "views/contributions.py")
    region_chart = next(s for s in specs(at) if "region" in s["layout"]["title"]["text"])
    truth = engine.run_scenario(engine.prepare(contract.load_dataset(SAMPLE)),
                                Scenario.announced()).signal_shares("region")
    truth = truth.set_index(truth["region"].map(REGION_LABELS))
    checked = 0
    for trace in region_chart["data"]:
        signal = next(s for s in schema.SIGNALS if schema.SIGNAL_LABELS.get(s) == trace["name"])
        for region, value in zip(trace["y"], numbers(trace["x"]), strict=True):
            assert value == pytest.approx(truth.loc[region, signal], abs=1e-5)
            checked += 1
    assert checked >= 5 * 3


def test_the_switches_write_the_scenario_into_the_url() -> None:
    app = new_app()
    app.session_state["_scenario_initialised"] = True  # as after a session's first run
    app.session_state["sc_ai_chat"] = False
    app.session_state["sc_exclude_EU"] = False
    app.session_state["person"] = "u000007"
    app.run()
    assert not app.exception
    assert app.query_params == {"ai_chat": "off", "excluded": "KR,UK", "person": "u000007"}
    banner = " ".join(w.value for w in app.warning)
    assert "European Union not excluded" in banner


def test_a_copied_link_opens_the_same_scenario_and_person() -> None:
    app = new_app()
    app.query_params.update({"ai_chat": "off", "sensitive": "gdpr9", "person": "u000042"})
    app.run()
    assert not app.exception
    assert app.sidebar.toggle(key="sc_ai_chat").value is False
    assert app.sidebar.selectbox(key="sc_sensitive").value == "gdpr9"
    banner = " ".join(w.value for w in app.warning)
    assert "AI-chat signal switched off" in banner and "GDPR" in banner
    assert metric(app, "Ads with an AI-chat contribution") == "0.0%"
    run_page(app, "views/why_this_ad.py")
    assert any("u000042" in m.value for m in app.markdown)
    assert app.query_params.get("person") in ("u000042", ["u000042"])



def test_the_sidebar_names_the_sensitive_lists_in_a_few_words(at: AppTest) -> None:
    """The box showed "Meta's 7 sensitive topics (announ…" cut off at any width: it shows the
    short names, and its help gives every list's full name."""
    box = at.sidebar.selectbox(key="sc_sensitive")
    assert list(box.options) == [schema.SENSITIVE_LIST_SHORT[k] for k in schema.SENSITIVE_LISTS]
    assert all(len(name) <= 25 for name in box.options)
    assert all(full in box.help for full in schema.SENSITIVE_LIST_LABELS.values())

def test_the_what_if_page_compares_with_the_announced_policy(at: AppTest) -> None:
    run_page(at, "views/what_if.py")
    assert any("AI-chat signal switched off" in i.value for i in at.info)
    assert metric(at, "People whose top ads change") != "0", "AI-chat off changes some ads"
    # Its second line is a share of everyone, not a change: grey and without an arrow.
    changed_kpi = next(m for m in at.metric if m.label == "People whose top ads change")
    assert changed_kpi.delta.endswith(" of everyone")
    assert changed_kpi.proto.direction == MetricProto.MetricDirection.NONE
    at.button(key="preset_eu_in").click().run()
    assert not at.exception
    assert at.sidebar.toggle(key="sc_exclude_EU").value is False
    changed = [t for spec in specs(at) for t in spec["data"]
               if spec["layout"]["title"]["text"].startswith("People whose top ads change")]
    shares = dict(zip(changed[0]["x"], numbers(changed[0]["y"]), strict=True))
    assert shares["European Union"] > 0
    assert shares["United States"] == 0  # the EU rule does not touch people in the US
    flip(at, "sc_exclude_EU", True)


def test_the_sensitive_table_counts_ai_chats_apart_from_other_signals(at: AppTest) -> None:
    """The rule's total is not a count of chats: likes, visits and watches on a sensitive topic
    are held back too. The table's AI-chat figure is the detector section's."""
    run_page(at, "views/what_if.py")
    table = next(df.value for df in at.dataframe if "AI chats held back" in df.value.columns)
    assert table.columns[:3].tolist() == ["Scenario", "Sensitive list", "AI chats held back"]
    announced = table[table["Scenario"] == "Announced policy"].iloc[0]
    detector = metric(at, "This dataset's AI chats held back as sensitive")
    assert f"{announced['AI chats held back']:,}" == detector
    assert announced["Other signals held back"] > 0


def test_the_guided_story_sets_the_scenario_and_opens_the_page() -> None:
    app = new_app()
    app.run()
    app.sidebar.button(key="story_4").click().run()
    assert not app.exception
    assert app.title[0].value == "Policy what-if"
    assert app.sidebar.toggle(key="sc_exclude_EU").value is False
    assert any("Step 5 of 6" in m.value for m in app.markdown)


def upload(app: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    """Choose "Your own files" and upload through the sidebar, on the Data page."""
    app.run()
    run_page(app, "views/data.py")
    app.sidebar.radio(key="ds_choice").set_value("uploaded").run()
    app.sidebar.get("file_uploader")[0].set_value(files).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_bad_upload_shows_the_problems_and_keeps_the_data() -> None:
    app = upload(new_app(), [("users.csv", b"user_id,country\nx,Narnia\n", "text/csv"),
                             ("events.csv", b"nothing,here\n", "text/csv")])
    errors = " ".join(e.value for e in app.error).replace("\\", "")  # Markdown-escaped text
    assert "users.csv" in errors and "already loaded stays" in errors
    assert app.sidebar.error, "the sidebar shows the problems where the upload happened"
    assert metric(app, "People") == "5,000"


def test_a_good_upload_replaces_the_dataset_in_this_session_only() -> None:
    app = upload(new_app(), [("users.csv", TINY_USERS.encode(), "text/csv"),
                             ("ads.csv", TINY_ADS.encode(), "text/csv"),
                             ("events.csv", TINY_EVENTS.encode(), "text/csv")])
    assert metric(app, "People") == "1"
    assert app.sidebar.radio(key="ds_choice").value == "uploaded"
    other = new_app()
    other.run()
    run_page(other, "views/data.py")
    assert metric(other, "People") == "5,000"


@pytest.mark.parametrize("page", PAGES)
def test_one_person_one_event_renders_every_page(tiny_dataset, page: str) -> None:
    app = new_app()
    app.session_state["ds_uploaded"] = tiny_dataset
    app.session_state["ds_choice"] = "uploaded"
    app.run()
    run_page(app, page)
    assert not app.error, [e.value for e in app.error]
    for spec in specs(app):
        assert spec["data"], "a chart with no trace was drawn"
        text = json.dumps(spec)
        assert "<script>" not in text, "ad titles must reach charts escaped"
    for m in app.markdown:
        assert "<script>" not in m.value and "](http://evil)" not in m.value


def test_a_generated_population_becomes_this_sessions_dataset() -> None:
    app = new_app()
    app.run()
    app.sidebar.radio(key="ds_choice").set_value("generated").run()
    app.sidebar.number_input(key="gen_users").set_value(60)
    app.sidebar.number_input(key="gen_seed").set_value(3)
    submit = [b for b in app.sidebar.button if b.label == "Generate population"]
    assert submit, "the generate form has its submit button"
    submit[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    run_page(app, "views/data.py")
    assert metric(app, "People") == "60"
    assert any("Generated: 60 people, seed 3" in c.value.replace("\\", "")
               for c in app.caption)


def test_a_chat_kept_out_of_some_apps_says_which() -> None:
    from adlens import engine
    from adlens.scenario import Scenario

    sample = contract.load_dataset(Path(APP).parent / "sample_data")
    ex = engine.run_scenario(engine.prepare(sample), Scenario.announced()).exclusions
    row = ex[(ex["reason"] == "app_not_linked") & (ex["blocked_apps"] == "whatsapp")].iloc[0]
    app = new_app()
    app.query_params["person"] = str(row["user_id"])
    app.run()
    run_page(app, "views/why_this_ad.py")
    table = next(t.value for t in app.dataframe if "Why it was kept out" in t.value)
    # Display names only: a plain time, no raw column names.
    assert {"Time", "Event", "Why it was kept out", "Kept out of"} <= set(table.columns)
    kept = table[table["Time"] == row["ts"].tz_convert("UTC").strftime("%d %b %Y %H:%M")]
    assert "WhatsApp" in list(kept["Kept out of"])
    other_rules = ~table["Why it was kept out"].str.contains("not linked")
    assert set(table.loc[other_rules, "Kept out of"]) <= {"every app"}


# --- issue 12: words, waterfalls, pinning, edges, story, report ---------------------------------
def test_overview_follows_the_ai_chat_part_week_by_week(at: AppTest) -> None:
    run_page(at, "views/overview.py")
    trend = next(s for s in specs(at) if "week by week" in s["layout"]["title"]["text"])
    names = {t["name"] for t in trend["data"]}
    assert {"All regions", "United States", "European Union"} <= names
    assert any(shape.get("line", {}).get("dash") == "dash" for shape in trend["layout"]["shapes"])
    eu = next(t for t in trend["data"] if t["name"] == "European Union")
    assert max(numbers(eu["y"])) == 0, "the EU is excluded under the announced policy"
    everyone = next(t for t in trend["data"] if t["name"] == "All regions")
    assert max(numbers(everyone["y"])) > 0
    # No raw id or "Events by type" chart left on the Overview.
    text = json.dumps(specs(at))
    assert "Events by type" not in text and "home_garden" not in text


def test_waterfalls_show_chances_on_one_axis_with_the_log_odds_in_the_tooltip(at: AppTest) -> None:
    run_page(at, "views/why_this_ad.py")
    falls = [s for s in specs(at) if any(t["type"] == "waterfall" for t in s["data"])]
    assert len(falls) >= 2
    ranges = {tuple(s["layout"]["xaxis"]["range"]) for s in falls}
    assert len(ranges) == 1, "all waterfalls of one person share one axis"
    low, high = ranges.pop()
    assert low == 0 and all(s["layout"]["xaxis"]["title"]["text"] == "Chance of a click"
                            for s in falls)
    for spec in falls:
        score = next(t for t in spec["data"] if t["name"] == "Score")
        assert 0 < numbers(score["x"])[0] < high, "no bar runs off the axis"
        assert "log-odds" in score["hovertemplate"]
    assert any(b.label.startswith("Download these ads") for b in at.get("download_button"))


def test_a_person_stays_chosen_across_a_rule_switch_and_is_shown_beside_the_policy() -> None:
    app = new_app()
    app.run()
    run_page(app, "views/why_this_ad.py")
    app.button(key="pick_strongest").click().run()
    person = app.session_state["person"]
    assert any("strongest AI-chat case" in m.value for m in app.markdown)
    flip(app, "sc_ai_chat", False)
    assert app.session_state["person"] == person
    assert app.query_params.get("person") in (person, [person])
    # Both rule sets side by side in one table, app by app and rank by rank.
    table = next(t.value for t in app.dataframe if "Under the announced policy" in t.value)
    assert {"Under this scenario", "Chance of a click, announced policy",
            "Chance of a click, scenario"} <= set(table.columns)
    assert len(table) and (table["Under the announced policy"] != "").any()
    assert not any("_" in str(v) for v in table["App"]), "apps by their display names"


def test_a_coincidence_opens_its_person_as_of_that_moment() -> None:
    app = new_app()
    app.run()
    run_page(app, "views/why_this_ad.py")
    app.button(key="pick_coincidence").click().run()
    moment = app.session_state["person_moment"]
    assert moment["person"] == app.session_state["person"]
    assert any("as of the coincidence of" in i.value for i in app.info)
    assert specs(app), "their waterfalls at that moment are drawn"


def test_an_as_of_day_outside_the_data_says_so_and_draws_nothing() -> None:
    import datetime as dt

    app = new_app()
    app.query_params["as_of"] = "2025-06-01"
    app.run()
    assert not app.exception
    assert any("The data runs from" in w.value and "before the data starts" in w.value
               for w in app.warning)
    assert not at_least_one(app, "plotly_chart") and not app.metric
    app.button(key="as_of_last_day").click().run()
    assert app.sidebar.date_input(key="sc_as_of").value > dt.date(2025, 11, 1)
    assert specs(app) and app.metric


def at_least_one(app: AppTest, kind: str) -> bool:
    return len(app.get(kind)) > 0


def test_a_link_to_a_generated_population_generates_it_again() -> None:
    app = new_app()
    app.query_params.update({"data": "generated", "people": "60", "seed": "3"})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    run_page(app, "views/data.py")
    assert metric(app, "People") == "60"
    assert app.query_params.get("data") in ("generated", ["generated"])
    assert app.query_params.get("people") in ("60", ["60"])
    assert app.query_params.get("seed") in ("3", ["3"])


def test_a_link_made_on_uploaded_files_says_they_could_not_come_along() -> None:
    app = new_app()
    app.query_params.update({"data": "uploaded"})
    app.run()
    assert any("cannot travel in a link" in i.value for i in app.info)


@pytest.mark.parametrize("step", range(6))
def test_each_story_step_shows_its_figure_and_a_reading(step: int) -> None:
    from components.story import STEPS

    app = new_app()
    app.run()
    app.sidebar.button(key=f"story_{step}").click().run()
    app.run()  # the step's page
    assert not app.exception, [e.value for e in app.exception]
    assert any(f"Step {step + 1} of {len(STEPS)}" in m.value for m in app.markdown)
    assert any(m.value.startswith("**Reading:**") for m in app.markdown), "one sentence"
    assert specs(app), "the step's figure"
    reading = next(m.value for m in app.markdown if m.value.startswith("**Reading:**"))
    assert "_" not in reading.replace("\\_", ""), reading


def test_the_report_has_every_headline_figure_and_the_listening_answer() -> None:
    from adlens.scenario import Scenario
    from components.report import build_report

    sample = contract.load_dataset(SAMPLE)
    report = build_report(sample, Scenario.announced())
    for heading in ("Ads with an AI-chat contribution", "AI chats the largest contributor",
                    "Top-5 ads owed to AI chats",
                    "Next-week top-5 hit rate added by AI chats",
                    "Is it listening? The recall and microphone answer",
                    "Earlier ad likely forgotten, beyond chance", "Microphone test",
                    "The microphone test", "week by week"):
        assert heading in report, heading
    # Display names in the report's own text (the charts' data are JSON, checked by name).
    visible = report.split("<script", 1)[0]
    assert "home_garden" not in visible and "ai_chat" not in visible


def test_the_share_box_says_an_upload_cannot_travel(tiny_dataset) -> None:
    app = new_app()
    app.session_state["ds_uploaded"] = tiny_dataset
    app.session_state["ds_choice"] = "uploaded"
    app.session_state["share_open"] = True
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("cannot travel in a link" in w.value for w in app.sidebar.warning)
    assert "data" in app.query_params  # the link says what it could not carry


@pytest.mark.parametrize("page", ("views/data.py", "views/why_this_ad.py"))
def test_downloads_do_not_rerun_the_app(page: str) -> None:
    # A download built on click races a rerun started by the same click: the rerun can replace
    # the button before its file is fetched, and then no download starts. So none reruns.
    from components.share import K_SHARE_OPEN

    app = new_app()
    app.session_state[K_SHARE_OPEN] = True  # the report's button is drawn only in the open box
    app.run()
    run_page(app, page)
    buttons = {b.label: b.proto.ignore_rerun for b in app.get("download_button")}
    assert "Download the HTML report" in buttons
    assert len(buttons) >= 2, buttons
    assert all(buttons.values()), buttons
