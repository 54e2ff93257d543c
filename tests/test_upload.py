"""Uploads in the app: a set loads whole or not at all, the sidebar says which dataset is in use,
a file over the limit is called too large, and two files of the same name are reported."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import data
from tests.contract_fixtures import to_bytes, valid_frames

ROOT = Path(__file__).parent.parent
APP = str(ROOT / "app.py")
GOOD = to_bytes(valid_frames())
BAD_USERS = b"user_id,country\nx,Narnia\n"


def files(pairs) -> list[tuple[str, bytes, str]]:
    return [(name, bytes(blob), "text/csv") for name, blob in pairs]


def on_data_page_with_upload_box() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    app.switch_page("views/data.py").run()
    app.sidebar.radio(key="ds_choice").set_value("uploaded").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def upload(app: AppTest, pairs) -> AppTest:
    app.sidebar.get("file_uploader")[0].set_value(files(pairs)).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def text_of(elements) -> str:
    return " ".join(e.value for e in elements).replace("\\", "")  # Markdown-escaped text


def in_use(app: AppTest) -> str:
    found = [c.value.replace("\\", "") for c in app.sidebar.caption if "In use:" in c.value]
    assert len(found) == 1, text_of(app.sidebar.caption)
    return found[0].removeprefix(":material/database: ")


@pytest.fixture(scope="module")
def sample_people() -> str:
    app = on_data_page_with_upload_box()
    return next(m.value for m in app.metric if m.label == "People")


def test_the_sidebar_says_which_dataset_is_in_use(sample_people) -> None:
    app = on_data_page_with_upload_box()
    assert "In use: Bundled sample" in in_use(app)
    upload(app, GOOD.items())
    assert "In use: Uploaded: users.csv, ads.csv, events.csv (6 people)" in in_use(app)


def test_a_loaded_upload_says_what_it_loaded_and_empties_the_upload_box() -> None:
    app = upload(on_data_page_with_upload_box(), GOOD.items())
    loaded = text_of(app.sidebar.success)
    assert "Loaded users.csv, ads.csv, events.csv: 6 people, 3 ads, 13 events" in loaded
    assert not app.sidebar.get("file_uploader")[0].value, "no file from an earlier upload"
    assert next(m.value for m in app.metric if m.label == "People") == "6"


def test_a_failed_upload_changes_nothing(sample_people) -> None:
    app = upload(on_data_page_with_upload_box(), GOOD.items())
    before = app.session_state["ds_uploaded"].dataset_id
    # Two good tables and a bad one: nothing of the set is loaded.
    upload(app, [("users.csv", BAD_USERS), ("ads.csv", GOOD["ads.csv"]),
                 ("events.csv", GOOD["events.csv"])])
    assert app.session_state["ds_uploaded"].dataset_id == before
    assert "users.csv" in text_of(app.error) and "already loaded stays" in text_of(app.error)
    assert "In use: Uploaded: users.csv, ads.csv, events.csv (6 people)" in in_use(app)
    assert not app.sidebar.success, "a failed upload claims nothing was loaded"


def test_a_second_file_of_the_same_name_is_reported(sample_people) -> None:
    app = on_data_page_with_upload_box()
    upload(app, [("users.csv", BAD_USERS)])
    # The good users.csv is added without removing the bad one: both are in the box.
    upload(app, [("users.csv", BAD_USERS), *GOOD.items()])
    errors = text_of(app.error)
    assert "the users table is given 2 times" in errors, errors
    assert "users.csv (2 files of this name)" in errors
    assert next(m.value for m in app.metric if m.label == "People") == sample_people


def test_a_file_over_the_limit_is_called_too_large(monkeypatch, sample_people) -> None:
    limit = len(GOOD["events.csv"]) - 1
    monkeypatch.setattr(data, "MAX_UPLOAD_BYTES", limit)
    app = upload(on_data_page_with_upload_box(), GOOD.items())
    errors = text_of(app.error)
    assert "events.csv" in errors and "too large" in errors and "limit" in errors, errors
    assert "missing" not in errors
    assert next(m.value for m in app.metric if m.label == "People") == sample_people


def test_the_upload_box_lets_an_oversized_file_reach_the_contract() -> None:
    # The browser refuses a file over the box's size and the app never sees it (it would read
    # as a missing table): the box and the server take more than the contract's limit.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] >= data.UPLOAD_BOX_MB
    assert data.UPLOAD_BOX_MB * 1024**2 > data.MAX_UPLOAD_BYTES
    app = on_data_page_with_upload_box()
    box = app.sidebar.get("file_uploader")[0]
    assert box.proto.max_upload_size_mb == data.UPLOAD_BOX_MB
    assert f"at most {data.MAX_UPLOAD_BYTES // 1024**2} MB each" in box.proto.label


def test_the_sidebar_names_a_generated_population_once() -> None:
    from adlens import contract, simulate

    app = AppTest.from_file(APP, default_timeout=180)
    app.session_state["ds_generated"] = contract.from_frames(
        simulate.generate_frames(40, 1), source="Generated: 40 people, seed 1")
    app.session_state["ds_choice"] = "generated"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert in_use(app) == "In use: Generated: 40 people, seed 1"


def test_a_population_made_in_the_app_carries_its_world_description() -> None:
    from components import generation

    app = AppTest.from_file(APP, default_timeout=300)
    app.session_state[generation.K_PENDING] = (300, 5)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    made = app.session_state[data.K_GENERATED]
    assert made.meta is not None
    assert (made.meta["n_users"], made.meta["seed"]) == (300, 5)
    assert made.meta["counterfactual"] == []
    assert in_use(app) == "In use: Generated: 300 people, seed 5"
