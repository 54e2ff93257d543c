"""The Method page's calibration section: every figure with its value, unit, source, date and
kind, the values of the dataset's own world, the right sentence for data that is not simulated,
and the thinning study drawn from its stored result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from adlens import calibration, contract, thinning
from adlens.simulate import SimParams, population_meta
from components.fmt import md_escape
from components.method_calibration import (
    NOT_SIMULATED,
    calibration_table,
    sources_list,
    thinning_chart,
    thinning_table,
    world_sentence,
)

APP = str(Path(__file__).parent.parent / "app.py")
SAMPLE = Path(__file__).parent.parent / "sample_data"
TINY = {"users.csv": b"user_id,country,age_band,uses_meta_ai,linked_apps\n"
                     b"solo,US,25-34,true,facebook|meta_ai\n",
        "ads.csv": b"ad_id,advertiser,topic,title\nad1,TrailCo,hiking,Boots\n",
        "events.csv": b"event_id,user_id,ts,app,event_type,topic,text,modality,ad_id,dwell_ms\n"
                      b"e1,solo,2026-01-10T10:00:00Z,meta_ai,ai_chat,,hiking boots?,text,,\n"}


def test_every_figure_is_listed_with_its_source_date_and_kind():
    table = calibration_table(None)
    assert len(table) == len(calibration.FIGURES)
    assert list(table.columns) == ["Figure", "Value", "Unit", "True in", "Assumption",
                                   "Source", "Note"]
    assert table["Source"].str.len().gt(0).all() and table["True in"].str.len().gt(0).all()
    assert table["Assumption"].tolist() == [f.assumption for f in calibration.FIGURES]
    by_name = table.set_index("Figure")
    assert by_name.loc[calibration.IMPRESSION_THINNING.name, "Value"] == "1 in 100"
    assert by_name.loc[calibration.META_AI_SHARE.name, "Value"] == "29%"
    assert by_name.loc[calibration.META_AI_MONTHLY_USERS.name, "Value"] == "1.00 billion"
    # No ids on screen: the unit of the thinning figure is written out.
    assert "1 in N" not in " ".join(table["Unit"])


def test_a_generated_world_shows_its_own_values_where_its_preset_changes_them():
    meta = population_meta(100, 1, params=calibration.preset_params(
        "high-ai-use", impression_thinning=30))
    by_name = calibration_table(meta).set_index("Figure")
    thin = by_name.loc[calibration.IMPRESSION_THINNING.name]
    assert thin["Value"] == "1 in 30" and "instead of the 1 in 100" in thin["Note"]
    us = by_name.loc["Share of people who use Meta AI: United States"]
    assert us["Value"] == "60%" and "instead of the 30%" in us["Note"]
    chats = by_name.loc[calibration.CHATS_PER_DAY.name]
    assert float(chats["Value"]) == pytest.approx(calibration.CHATS_PER_DAY.value * 2.5,
                                                  rel=1e-2)
    # Figures the preset leaves alone keep their published value and note.
    dwell = by_name.loc[calibration.DWELL_MEAN.name]
    assert dwell["Value"] == "1.7" and dwell["Note"] == calibration.DWELL_MEAN.note
    assert "High AI use" in world_sentence(meta) and "1 in 30" in world_sentence(meta)


def test_data_without_a_description_is_not_called_simulated():
    assert world_sentence(None) == NOT_SIMULATED
    assert world_sentence({"n_users": 5}) == NOT_SIMULATED
    default = world_sentence(population_meta(10, 1, params=SimParams()))
    assert "Published figures (2025)" in default and "1 in 100" in default


def test_every_figure_s_source_and_note_are_listed_in_full():
    table = calibration_table(None)
    lines = sources_list(table).splitlines()
    assert len(lines) == len(table)
    for line, (_, row) in zip(lines, table.iterrows(), strict=True):
        assert line.startswith(f"- **{md_escape(row['Figure'])}**: {md_escape(row['Source'])}")
        note = row["Note"].strip()
        assert (f"— *{md_escape(note)}*" in line) if note else (" — *" not in line)


def test_thinning_chart_and_table_have_every_headline_and_factor():
    rows = thinning.pd.DataFrame(
        [{"factor": f, "headline": h, "value": 0.1 * f,
          # A share has no interval (as the study stores it).
          "ci_low": float("nan") if h == "ai_chat_share" else 0.0,
          "ci_high": float("nan") if h == "ai_chat_share" else 0.2 * f,
          "verdict": "no sign of listening" if h == "mic_statistic" else "",
          "denominator": "5 people"} for f in (100, 10) for h in thinning.HEADLINES])
    fig = thinning_chart(rows, 100)
    assert len(fig.data) == len(thinning.HEADLINES)
    assert all(list(t.x) == ["1 in 100", "1 in 10"] for t in fig.data)
    table = thinning_table(rows)
    assert list(table.columns) == ["Headline", "1 in 100", "1 in 10"]
    assert len(table) == len(thinning.HEADLINES) + 1
    assert table.iloc[0]["1 in 10"] == "+1.00 [+0.00, +2.00]"
    assert table.iloc[1]["1 in 10"] == "100.0"  # a share, in percent
    assert table.iloc[-1].tolist() == ["Microphone test says", "no sign of listening",
                                       "no sign of listening"]


def _method(app: AppTest) -> AppTest:
    app.switch_page("views/method.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _text(app: AppTest) -> str:
    return " ".join(m.value for m in app.markdown) + " " + " ".join(
        i.value for i in app.info)


@pytest.mark.slow
def test_method_page_shows_the_samples_world_and_its_thinning_study():
    app = AppTest.from_file(APP, default_timeout=300)
    app.run()
    _method(app)
    sample = contract.load_dataset(SAMPLE)
    assert world_sentence(sample.meta) in _text(app)
    stored = json.loads(thinning.SENSITIVITY_PATH.read_text())
    if stored["dataset_id"] == sample.dataset_id:  # else the staleness test fails
        titles = [json.loads(c.proto.spec)["layout"]["title"]["text"]
                  for c in app.get("plotly_chart")]
        assert "How each headline moves with the impression thinning" in titles


def test_method_page_on_an_upload_without_a_description_says_it_is_not_simulated():
    app = AppTest.from_file(APP, default_timeout=300)
    app.session_state["ds_uploaded"] = contract.load_uploaded(TINY)
    app.session_state["ds_choice"] = "uploaded"
    app.run()
    _method(app)
    text = _text(app)
    assert NOT_SIMULATED in text
    assert "measured on the bundled sample" in text


def test_method_page_reports_chat_understanding_by_language_and_on_the_handwritten_set():
    app = AppTest.from_file(APP, default_timeout=300)
    app.run()
    _method(app)
    # One tab per set of messages, the sealed test sets first, each described in a caption.
    assert [t.label for t in app.tabs][:7] == ["Sealed set 1", "Sealed set 2",
                                               "Sealed set 3", "Sealed set 4",
                                               "Sealed set 5", "Sealed set 6",
                                               "Hand-written"]
    captions = " ".join(c.value for c in app.caption)
    assert "Written by hand (never used to train)" in captions
    tables = [t.value for t in app.dataframe if "All languages" in t.value.columns]
    assert tables, "the per-language tables of the chat model"
    shown = tables[0]
    assert "Sensitive chats still used" in set(shown["Measure"])
    targets = [t.value for t in app.dataframe if "Set 1" in t.value.columns]
    assert targets and len(targets[0]) == 4
    # The second to sixth sealed sets' figures beside the first's, from the same report: each
    # cell is the figure and whether the target is met (shares, then the gap in points).
    for column in ("Set 1", "Set 2", "Set 3", "Set 4", "Set 5",
                   "Set 6"):
        cells = targets[0][column]
        assert cells.iloc[:3].str.fullmatch(r"[0-9.]+%: (met|missed)").all(), cells
        assert cells.iloc[3:].str.fullmatch(r"[0-9.]+: (met|missed)").all(), cells
    assert {"Spanish", "Portuguese", "Hindi-English"} <= set(shown.columns)
    # Shares in the per-topic and the label tables: percentages with one decimal in every row.
    shares = [(t, column) for t in app.dataframe for column in ("precision", "Precision")
              if column in t.value.columns]
    assert len(shares) == 2, [list(t.value.columns) for t, _ in shares]
    for table, column in shares:
        config = json.loads(table.proto.columns)
        assert config[column]["type_config"]["format"] == "%.1f%%", config[column]
        values = table.value[column].dropna()
        assert values.between(0, 100).all() and values.max() > 1, values
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"]
              for c in app.get("plotly_chart")]
    assert any("threshold" in t.lower() for t in titles), titles
