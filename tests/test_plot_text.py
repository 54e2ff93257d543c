"""Chart text from data reaches Plotly in Plotly's own safe form: what the chart shows is the
text as written (quotes included, no `&quot;`), no tag in the data is drawn, and a shortened text
never ends in half an entity."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from adlens import contract
from components.charts import plot_text

APP = str(Path(__file__).parent.parent / "app.py")
# plotly.js (svg_text_utils.convertEntities) decodes numeric entities and these names only.
PLOTLY_ENTITIES = {"mu": "\u03bc", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0",
                   "times": "\xd7", "plusmn": "\xb1", "deg": "\xb0"}
TAG = re.compile(r"<[^>]*>")


def as_plotly_shows(text: str) -> str:
    """The text a Plotly chart draws for `text` (its entity decoding; the charts' own <br> is a
    line break, any other tag would come from data)."""
    text = text.replace("<br>", "\n")
    assert not TAG.search(text), f"a tag would be drawn as markup: {text!r}"

    def decode(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return PLOTLY_ENTITIES.get(name, match.group(0))

    return re.sub(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);", decode, text)


def test_quotes_show_as_quotes_and_tags_as_text() -> None:
    raw = 'The "best" boots & <b>socks</b> it\'s'
    safe = plot_text(raw)
    assert "&quot;" not in safe and "&#x27;" not in safe
    assert as_plotly_shows(safe) == raw


def test_shortening_happens_before_escaping() -> None:
    raw = "x" * 8 + "<script>"
    shown = as_plotly_shows(plot_text(raw, 10))
    assert shown == "x" * 8 + "<…", "cut in the text as written, never inside an entity"
    assert as_plotly_shows(plot_text("&" * 30, 5)) == "&&&&…"
    assert plot_text("short", 10) == "short"


@given(st.text(max_size=80), st.none() | st.integers(1, 60))
def test_any_text_shows_as_written(raw: str, limit: int | None) -> None:
    shown = as_plotly_shows(plot_text(raw, limit))
    if limit is None or len(raw) <= limit:
        assert shown == raw
    else:
        assert shown == raw[:limit - 1] + "…"


TITLE = 'The "best" boots & <b>socks</b>'


def test_chart_titles_and_hovers_show_data_text_as_written() -> None:
    users = ("user_id,country,age_band,uses_meta_ai,linked_apps\n"
             "solo,US,25-34,true,facebook|instagram|meta_ai\n")
    quoted = TITLE.replace('"', '""')  # CSV doubles a quote inside a quoted cell
    ads = f'ad_id,advertiser,topic,title\nad1,"Trail ""Co""",hiking,"{quoted}"\n'
    events = ("event_id,user_id,ts,app,event_type,topic,text,modality,ad_id,dwell_ms\n"
              'e1,solo,2026-01-30T10:00:00Z,meta_ai,ai_chat,,"boots ""for"" rain?",text,,\n'
              "e2,solo,2026-01-31T10:00:00Z,instagram,ad_impression,,,,ad1,900\n")
    dataset = contract.load_uploaded({"users.csv": users.encode(), "ads.csv": ads.encode(),
                                      "events.csv": events.encode()})
    app = AppTest.from_file(APP, default_timeout=180)
    app.session_state["ds_uploaded"] = dataset
    app.session_state["ds_choice"] = "uploaded"
    app.query_params["person"] = "solo"
    app.run()
    app.switch_page("views/why_this_ad.py").run()
    assert not app.exception, [e.value for e in app.exception]
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    text = json.dumps(specs)
    assert "&quot;" not in text
    # The ad's title is written above its waterfall (Markdown, escaped: where it can wrap).
    written = [re.sub(r"\\(.)", r"\1", m.value) for m in app.markdown]
    assert any(TITLE in w for w in written), written
    assert "<b>socks" not in text, "a tag from the data never reaches a chart as markup"
    for spec in specs:  # every title drawn shows its text as written
        title = spec["layout"].get("title", {}).get("text") or ""
        assert "&quot;" not in title and not TAG.search(title.replace("<br>", ""))
    hovers = [as_plotly_shows(h) for s in specs for trace in s["data"]
              for h in trace.get("hovertext") or []]
    assert any('boots "for" rain?' in h for h in hovers), hovers
