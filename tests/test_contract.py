"""Tests of the data contract: one per class of bad input, valid loads, CLI and safe export."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adlens import schema
from adlens.__main__ import main
from adlens.contract import (
    ContractError,
    Problem,
    from_frames,
    load_dataset,
    load_uploaded,
    summarize,
)
from adlens.export import to_safe_csv
from tests.contract_fixtures import to_bytes, typed_frames, valid_frames, write_dataset

HYPERLINK = '=HYPERLINK("http://evil","click")'


def problems_of(frames: dict[str, pd.DataFrame], fmt: str = "csv", **kwargs) -> list[Problem]:
    with pytest.raises(ContractError) as info:
        load_uploaded(to_bytes(frames, fmt), **kwargs)
    assert info.value.problems, "a ContractError always lists its problems"
    return info.value.problems


def only(problems: list[Problem], column: str | None, file: str | None = None) -> Problem:
    found = [p for p in problems if p.column == column and file in (None, p.file)]
    assert len(found) == 1, [str(p) for p in problems]
    return found[0]


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


# --- valid data ----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_valid_folder_and_upload_load_in_normalised_form(tmp_path: Path, fmt: str) -> None:
    frames = valid_frames()
    from_folder = load_dataset(write_dataset(frames, tmp_path / "data", fmt))
    from_upload = load_uploaded(to_bytes(frames, fmt))
    for ds in (from_folder, from_upload):
        assert ds.n_users == 6 and len(ds.ads) == 3 and ds.n_events == 13
        ev, users = ds.events, ds.users
        assert str(ev["ts"].dt.tz) == "UTC"
        # "+02:00" is converted, a stamp without a zone is read as UTC.
        assert ev["ts"].iloc[0] == pd.Timestamp("2025-12-10T07:00:00Z")
        assert ev["ts"].iloc[1] == pd.Timestamp("2025-12-10T08:00:00Z")
        assert ev["dwell_ms"].dtype == np.float64
        assert ev["dwell_ms"].isna().sum() == 11
        assert ev.loc[ev["event_type"] == "ad_impression", "dwell_ms"].iloc[0] == 240.5
        assert users["uses_meta_ai"].dtype == bool
        assert users["uses_meta_ai"].tolist() == [True, False, True, False, True, False]
        assert users["country"].tolist() == ["US", "DE", "GB", "KR", "FR", "BR"]
        assert ev["ad_id"].isna().sum() == 0 and (ev["ad_id"] == "").sum() == 11
        assert "segment" in users.columns and "advertiser" in ev.columns  # extras kept
        assert ds.interests is None
    assert from_folder.dataset_id == from_upload.dataset_id
    assert from_upload.source.startswith("Uploaded: users.")
    assert from_folder.source == f"Folder data: users.{fmt}, ads.{fmt}, events.{fmt}"


def test_dataset_id_follows_content() -> None:
    frames = valid_frames()
    first = load_uploaded(to_bytes(frames)).dataset_id
    assert load_uploaded(to_bytes(frames)).dataset_id == first
    frames["ads"].loc[0, "title"] = "Another title"
    assert load_uploaded(to_bytes(frames)).dataset_id != first
    assert len(first) == 12


def test_typed_parquet_loads_like_csv() -> None:
    typed = load_uploaded(to_bytes(typed_frames(), "parquet"))
    text = load_uploaded(to_bytes(valid_frames(), "csv"))
    pd.testing.assert_series_equal(typed.events["ts"], text.events["ts"])
    pd.testing.assert_series_equal(typed.events["dwell_ms"], text.events["dwell_ms"])
    assert typed.users["uses_meta_ai"].tolist() == text.users["uses_meta_ai"].tolist()


def test_frames_in_memory_meet_the_same_contract() -> None:
    frames = typed_frames()
    ds = from_frames(frames, source="Generated: 6 people")
    assert ds.source == "Generated: 6 people" and ds.n_events == 13
    assert ds.dataset_id == from_frames(typed_frames()).dataset_id
    frames["events"].loc[4, "topic"] = "astrology"
    with pytest.raises(ContractError) as info:
        from_frames(frames)
    [problem] = info.value.problems
    assert (problem.file, problem.rows, problem.column) == ("events", (5,), "topic")
    assert frames["events"].loc[4, "topic"] == "astrology"  # the caller's frames are untouched
    with pytest.raises(ContractError) as info:
        from_frames({"users": frames["users"], "extra": frames["ads"]})
    assert {str(p) for p in info.value.problems} >= {
        "ads: the ads table is missing",
        "extra: is not one of the dataset's tables: expected users, ads, events "
        "(and optionally interests)"}


def test_generated_population_passes_in_memory() -> None:
    from adlens.simulate import generate_frames

    frames = generate_frames(200, 11)
    ds = from_frames(frames, source="Generated")
    assert ds.n_users == 200 and ds.interests is not None
    assert ds.dataset_id != from_frames(generate_frames(200, 12)).dataset_id


def test_interests_table_is_optional_and_checked() -> None:
    frames = valid_frames()
    frames["interests"] = pd.DataFrame({"user_id": frames["users"]["user_id"],
                                        "hiking": ["0.5"] * 6, "coffee": ["1"] * 6})
    ds = load_uploaded(to_bytes(frames))
    assert ds.interests is not None and ds.interests["hiking"].tolist() == [0.5] * 6
    frames["interests"].loc[2, "coffee"] = "1.7"
    problem = only(problems_of(frames), "coffee")
    assert problem.file == "interests.csv" and problem.rows == (3,)
    assert "between 0 and 1" in problem.message and '"1.7"' in problem.message


def test_formula_like_text_loads_unchanged() -> None:
    frames = valid_frames()
    frames["users"]["segment"] = ["=1+1", "+44 20", "-minus", "@mention", "007", "=cmd|' /C'!A0"]
    for fmt in ("csv", "parquet"):
        ds = load_uploaded(to_bytes(frames, fmt))
        assert ds.users["segment"].tolist() == frames["users"]["segment"].tolist()
        assert HYPERLINK in ds.events["text"].tolist()
        assert ds.ads["advertiser"].iloc[2] == '=HYPERLINK("http://x","Go")'
        assert ds.ads["title"].tolist()[1:] == ["-20% on espresso", "@weekend breaks"]


# --- one test per class of bad input ---------------------------------------------------------
def test_missing_file_is_named(tmp_path: Path) -> None:
    folder = write_dataset(valid_frames(), tmp_path / "d")
    (folder / "ads.csv").unlink()
    with pytest.raises(ContractError) as info:
        load_dataset(folder)
    [problem] = info.value.problems
    assert problem.file == "ads.csv or ads.parquet"
    assert "ads table is missing" in problem.message


def test_missing_folder() -> None:
    with pytest.raises(ContractError) as info:
        load_dataset("/nonexistent/adlens-data")
    assert "no such folder" in str(info.value.problems[0])


def test_missing_column_lists_what_is_there() -> None:
    frames = valid_frames()
    frames["events"] = frames["events"].drop(columns=["ts"])
    problem = only(problems_of(frames), "ts")
    assert problem.file == "events.csv" and problem.rows == ()
    assert "required column is missing" in problem.message and "event_id" in problem.message


def test_column_with_other_case_gets_a_rename_hint() -> None:
    frames = valid_frames()
    frames["users"] = frames["users"].rename(columns={"country": "Country"})
    problem = only(problems_of(frames), "country")
    assert 'found "Country": rename it to "country"' in problem.message


def test_unknown_event_type_message_reads_as_documented() -> None:
    frames = valid_frames(n_repeat=2)
    bad = [3, 8, 16, 20]  # 0-based positions -> data rows 4, 9, 17, 21
    frames["events"].loc[bad, "event_type"] = "purchase"
    problem = only(problems_of(frames), "event_type")
    assert problem.rows == (4, 9, 17, 21) and problem.n_rows == 4
    assert str(problem) == ('events.csv, rows 4, 9, 17 (and 1 more), column "event_type": '
                            "expected one of " + ", ".join(schema.EVENT_TYPES)
                            + '; found "purchase"')


def test_non_numeric_dwell() -> None:
    frames = valid_frames()
    frames["events"].loc[9, "dwell_ms"] = "fast"
    problem = only(problems_of(frames), "dwell_ms")
    assert (problem.file, problem.rows) == ("events.csv", (10,))
    assert "expected a number of milliseconds" in problem.message and '"fast"' in problem.message


def test_negative_dwell() -> None:
    frames = valid_frames()
    frames["events"].loc[5, "dwell_ms"] = "-3"
    problem = only(problems_of(frames), "dwell_ms")
    assert problem.rows == (6,) and "0 or more" in problem.message


def test_non_boolean_uses_meta_ai() -> None:
    frames = valid_frames()
    frames["users"].loc[1, "uses_meta_ai"] = "maybe"
    frames["users"].loc[4, "uses_meta_ai"] = "YES"  # accepted, case-insensitive
    problem = only(problems_of(frames), "uses_meta_ai")
    assert (problem.file, problem.rows) == ("users.csv", (2,))
    assert "expected true or false" in problem.message and '"maybe"' in problem.message


def test_bad_and_missing_timestamps() -> None:
    frames = valid_frames()
    frames["events"].loc[2, "ts"] = "12/01/2025 10:00"
    frames["events"].loc[6, "ts"] = ""
    problems = [p for p in problems_of(frames) if p.column == "ts"]
    assert len(problems) == 2
    missing, bad = sorted(problems, key=lambda p: "ISO" in p.message)
    assert missing.rows == (7,) and "expected a timestamp in every row" in missing.message
    assert bad.rows == (3,) and "ISO 8601" in bad.message and '"12/01/2025 10:00"' in bad.message


@pytest.mark.parametrize("table,column,position,value,expectation", [
    ("events", "app", 2, "tiktok", "expected one of facebook, instagram"),
    ("users", "country", 0, "XX", "ISO 3166-1"),
    ("users", "age_band", 3, "30-40", "expected one of 18-24"),
    ("events", "modality", 0, "smell", "expected one of text, voice, image, video"),
    ("users", "linked_apps", 1, "facebook|tiktok", "expected app names separated by |"),
    ("events", "topic", 2, "astrology", "a topic id from the taxonomy"),
    ("ads", "topic", 1, "crypto", "a topic id from the taxonomy"),
])
def test_unknown_vocabulary(table: str, column: str, position: int, value: str,
                            expectation: str) -> None:
    frames = valid_frames()
    frames[table].loc[position, column] = value
    problem = only(problems_of(frames), column)
    assert (problem.file, problem.rows) == (f"{table}.csv", (position + 1,))
    assert expectation in problem.message and f'"{value}"' in problem.message


@pytest.mark.parametrize("table,column", [("users", "user_id"), ("ads", "ad_id"),
                                          ("events", "event_id")])
def test_duplicate_ids(table: str, column: str) -> None:
    frames = valid_frames()
    frames[table].loc[2, column] = frames[table].loc[0, column]
    problem = only(problems_of(frames), column, f"{table}.csv")
    assert problem.rows == (1, 3)
    assert "appear only once" in problem.message


def test_events_pointing_at_unknown_users_and_ads() -> None:
    frames = valid_frames()
    frames["events"].loc[4, "user_id"] = "ghost"
    frames["events"].loc[10, "ad_id"] = "a99"
    problems = problems_of(frames)
    user, ad = only(problems, "user_id"), only(problems, "ad_id")
    assert user.rows == (5,) and "listed in users.csv" in user.message and '"ghost"' in str(user)
    assert ad.rows == (11,) and "listed in ads.csv" in ad.message and '"a99"' in str(ad)


def test_header_without_line_break_is_an_empty_table() -> None:
    files = to_bytes(valid_frames())
    files["ads.csv"] = b"ad_id,advertiser,topic,title"
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    assert "ads.csv: has no data rows" in [str(p) for p in info.value.problems][0]


def test_unclosed_quote() -> None:
    files = to_bytes(valid_frames())
    files["ads.csv"] = b'ad_id,advertiser,topic,title\na1,"TrailCo,hiking,Boots\n'
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = [p for p in info.value.problems if p.file == "ads.csv"]
    assert problem.rows == (1,) and "found 2 (a missing or extra comma, or an unclosed quote)" \
        in problem.message
    files["ads.csv"] = b'ad_id,"advertiser,topic,title\na1,TrailCo,hiking,Boots\n'
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = [p for p in info.value.problems if p.file == "ads.csv"]
    assert "is opened and never closed" in problem.message


def test_empty_table() -> None:
    frames = valid_frames()
    frames["ads"] = frames["ads"].iloc[0:0]
    frames["events"] = frames["events"][frames["events"]["ad_id"] == ""].reset_index(drop=True)
    problems = problems_of(frames)
    assert [str(p) for p in problems] == [
        "ads.csv: has no data rows: expected at least one row under the header"]


@pytest.mark.parametrize("position,column,value,column_flagged,needs", [
    (9, "ad_id", "", "ad_id", "an ad_impression event needs the ad_id"),
    (9, "dwell_ms", "", "dwell_ms", "an ad_impression event needs a dwell time"),
    (5, "dwell_ms", "", "dwell_ms", "a watch event needs a dwell time"),
    (10, "ad_id", "", "ad_id", "an ad_click event needs the ad_id"),
    (2, "topic", "", "topic", "a like event needs a topic"),
    (6, "topic", "", "topic", "a friend_like event needs a topic"),
    (0, "text", "", "text", "an ai_chat event needs its text or a topic"),
    (11, "topic", "", "text", "a conversation event needs its text or a topic"),
    (7, "advertiser", "", "advertiser", "a site_visit event needs the advertiser"),
    (11, "app", "whatsapp", "app", "expected an empty cell: a conversation event happens off"),
    (7, "app", "facebook", "app", "expected an empty cell: a site_visit event happens off"),
    (3, "app", "", "app", "a follow event needs the app it happened in"),
])
def test_rows_missing_what_their_event_type_needs(position: int, column: str, value: str,
                                                  column_flagged: str, needs: str) -> None:
    frames = valid_frames()
    frames["events"].loc[position, column] = value
    problem = only(problems_of(frames), column_flagged)
    assert (problem.file, problem.rows) == ("events.csv", (position + 1,))
    assert needs in problem.message


def test_site_visit_without_advertiser_column_needs_text() -> None:
    frames = valid_frames()
    frames["events"] = frames["events"].drop(columns=["advertiser"])
    problem = only(problems_of(frames), "advertiser")
    assert problem.rows == (8,)  # row 9 names the advertiser in its text
    assert load_uploaded(to_bytes({**frames, "events": frames["events"].drop(index=7)}))


def test_not_utf8_csv() -> None:
    files = to_bytes(valid_frames())
    files["ads.csv"] = files["ads.csv"].decode().replace("BeanHouse", "Café").encode("latin-1")
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = info.value.problems
    assert problem.file == "ads.csv"
    assert "is not UTF-8 text" in problem.message and "0xE9" in problem.message
    assert "near data row 2" in problem.message


@pytest.mark.parametrize("chunk", [3, 5, 7, 1 << 20])
def test_utf8_check_in_chunks_finds_the_bad_byte(monkeypatch: pytest.MonkeyPatch,
                                                  chunk: int) -> None:
    monkeypatch.setattr("adlens.contract.UTF8_CHUNK", chunk)
    files = to_bytes(valid_frames())
    # Multi-byte characters straddle chunk borders; only the cp1252 byte is wrong.
    files["ads.csv"] = files["ads.csv"].replace(b"BeanHouse", "Bé—€n".encode()).replace(
        b"travel,@weekend", b"travel,\x93weekend")
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = info.value.problems
    assert "is not UTF-8 text (byte 0x93 near data row 3)" in problem.message
    files["ads.csv"] = files["ads.csv"].replace(b"\x93", b"@")
    assert load_uploaded(files).ads["advertiser"].iloc[1] == "Bé—€n"


def test_semicolon_separated_csv() -> None:
    files = to_bytes(valid_frames())
    files["users.csv"] = files["users.csv"].replace(b",", b";")
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = [p for p in info.value.problems if p.file == "users.csv"]
    assert "separated by semicolons; expected commas" in problem.message


def test_categorical_and_integer_parquet_columns_load() -> None:
    frames = typed_frames()
    users = frames["users"].assign(user_id=range(6), country=frames["users"]["country"]
                                   .astype("category"))
    events = frames["events"].assign(user_id=[i % 6 for i in range(13)],
                                     event_type=frames["events"]["event_type"]
                                     .astype("category"))
    ds = load_uploaded(to_bytes({**frames, "users": users, "events": events}, "parquet"))
    assert ds.users["user_id"].tolist() == [str(i) for i in range(6)]
    assert ds.events["event_type"].iloc[0] == "ai_chat"
    assert ds.users["country"].iloc[1] == "DE"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    folder = write_dataset(valid_frames(), tmp_path / "d")
    size = (folder / "events.csv").stat().st_size
    with pytest.raises(ContractError) as info:
        load_dataset(folder, max_bytes=size - 1)
    [problem] = info.value.problems
    assert problem.file == "events.csv" and "over the" in problem.message and "limit" in str(
        problem)
    assert load_dataset(folder, max_bytes=size).n_events == 13


def test_corrupt_parquet() -> None:
    files = to_bytes(valid_frames(), "parquet")
    files["users.parquet"] = files["users.parquet"][: len(files["users.parquet"]) // 2]
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = info.value.problems
    assert problem.file == "users.parquet"
    assert "could not be read as Parquet" in problem.message


def test_ragged_csv_rows() -> None:
    files = to_bytes(valid_frames())
    lines = files["users.csv"].decode().splitlines()
    lines[2] += ",extra"  # data row 2
    lines[5] = lines[5].rsplit(",", 2)[0]  # data row 5
    files["users.csv"] = ("\n".join(lines) + "\n").encode()
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = info.value.problems
    assert (problem.file, problem.rows) == ("users.csv", (2, 5))
    assert "expected 6 values per row, as in the header; found 7, 4" in problem.message


def test_duplicate_column_names() -> None:
    files = to_bytes(valid_frames())
    files["ads.csv"] = files["ads.csv"].replace(b"ad_id,advertiser,topic,title",
                                                b"ad_id,advertiser,topic,topic", 1)
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    [problem] = [p for p in info.value.problems if p.file == "ads.csv"]
    assert problem.column == "topic" and "appears more than once" in problem.message


def test_unknown_upload_name_and_table_given_twice() -> None:
    files = {**to_bytes(valid_frames()), "notes.txt": b"hello",
             "users.parquet": to_bytes(valid_frames(), "parquet")["users.parquet"]}
    with pytest.raises(ContractError) as info:
        load_uploaded(files)
    texts = [str(p) for p in info.value.problems]
    assert any(t.startswith("notes.txt: is not one of the dataset's files") for t in texts)
    assert any(t.startswith("users.csv and users.parquet: the users table is given 2 times")
               for t in texts)


def test_all_problems_across_files_in_one_pass() -> None:
    frames = valid_frames()
    frames["users"].loc[0, "age_band"] = "teen"
    frames["ads"].loc[1, "topic"] = "crypto"
    frames["events"].loc[2, "event_type"] = "share"
    frames["events"].loc[5, "dwell_ms"] = "long"
    problems = problems_of(frames)
    assert {(p.file, p.column) for p in problems} == {
        ("users.csv", "age_band"), ("ads.csv", "topic"), ("events.csv", "event_type"),
        ("events.csv", "dwell_ms")}


def test_messages_quote_cells_as_written_and_hint_at_common_codes() -> None:
    frames = valid_frames()
    frames["users"].loc[2, "country"] = " uk"
    frames["ads"].loc[1, "topic"] = "Crypto "
    frames["events"].loc[3, "event_type"] = "Share"
    problems = problems_of(frames)
    assert only(problems, "country").message.endswith(
        '(for the United Kingdom use GB); found " uk"')
    assert only(problems, "topic").message.endswith('found "Crypto "')
    assert only(problems, "event_type").message.endswith('found "Share"')


def test_many_bad_rows_are_summarised() -> None:
    frames = valid_frames(n_repeat=40)
    frames["events"]["modality"] = "smell"
    problem = only(problems_of(frames), "modality")
    assert problem.n_rows == 520 and len(problem.rows) == 20
    assert str(problem).startswith('events.csv, rows 1, 2, 3 (and 517 more), column "modality"')


def test_contract_error_message_says_how_rows_count() -> None:
    frames = valid_frames()
    frames["users"].loc[0, "country"] = "ZZ"
    with pytest.raises(ContractError) as info:
        load_uploaded(to_bytes(frames))
    assert "count data rows from 1" in str(info.value)
    assert 'users.csv, row 1, column "country"' in str(info.value)


# --- summary and CLI -----------------------------------------------------------------------
def test_summarize() -> None:
    summary = summarize(load_uploaded(to_bytes(valid_frames())))
    assert summary["users"] == 6 and summary["events"] == 13
    assert summary["events_by_type"]["site_visit"] == 2
    assert sum(summary["events_by_type"].values()) == 13
    assert summary["first_event"].startswith("2025-12-10T07:00")
    assert summary["countries"] == {c: 1 for c in ["US", "DE", "GB", "KR", "FR", "BR"]}


def test_cli_valid_dataset(tmp_path: Path) -> None:
    folder = write_dataset(valid_frames(), tmp_path / "ok", "parquet")
    code, out, err = run_cli("validate", str(folder))
    assert code == 0 and err == ""
    assert "users:     6" in out and "events:    13 from 2025-12-10 to 2025-12-13" in out
    assert "site_visit 2" in out and "countries: US 1" in out


def test_cli_reports_problems_one_per_line(tmp_path: Path) -> None:
    frames = valid_frames()
    frames["events"].loc[2, "event_type"] = "purchase"
    folder = write_dataset(frames, tmp_path / "bad")
    (folder / "ads.csv").write_bytes(b"\xff\xfe" + "ad_id".encode("utf-16-le"))
    code, out, err = run_cli("validate", str(folder), "--max-mb", "1")
    assert code == 1 and "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert lines[0].endswith("2 problems with the data contract. Row numbers count data rows "
                             "from 1 (the header row is not counted).")
    assert lines[1].startswith("- ads.csv: is not UTF-8 text")
    assert lines[2].startswith('- events.csv, row 3, column "event_type"')
    # events pointing at ads cannot be checked while ads.csv is unreadable: no false alarms.
    assert len(lines) == 3


def test_cli_unexpected_error_is_a_problem_line(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_dataset(valid_frames(), tmp_path / "ok")

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("adlens.contract.summarize", broken)
    code, out, err = run_cli("validate", str(folder))
    assert code == 1 and "Traceback" not in err
    assert "could not be validated (RuntimeError: disk on fire)" in err


# --- safe export ---------------------------------------------------------------------------
def test_to_safe_csv_neutralises_formula_text_only() -> None:
    frame = pd.DataFrame({
        "text": ["=1+1", "+44", "-x", "@sum", "\tq", "\rr", "plain", HYPERLINK],
        "number": [-1.5, -2, 3, 4, 5, 6, 7, 8],
        "mixed": pd.Series(["-5", -5, 3.25, "=A1", None, "x", 1, 2], dtype=object),
    })
    back = pd.read_csv(io.BytesIO(to_safe_csv(frame)), dtype=str, keep_default_na=False)
    assert back["text"].tolist() == ["'=1+1", "'+44", "'-x", "'@sum", "'\tq", "'\rr", "plain",
                                     "'" + HYPERLINK]
    assert back["number"].tolist() == ["-1.5", "-2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0"]
    assert back["mixed"].tolist() == ["'-5", "-5", "3.25", "'=A1", "", "x", "1", "2"]
    assert pd.read_csv(io.BytesIO(to_safe_csv(frame)))["number"].dtype == np.float64


def test_to_safe_csv_of_a_loaded_dataset_keeps_numbers() -> None:
    ds = load_uploaded(to_bytes(valid_frames()))
    exported = to_safe_csv(ds.ads).decode("utf-8")
    assert "'=HYPERLINK" in exported and "'-20% on espresso" in exported
    assert "\"'=HYPERLINK(\"\"http://x\"\",\"\"Go\"\")\"" in exported
    events = pd.read_csv(io.BytesIO(to_safe_csv(ds.events)))
    assert events["dwell_ms"].dtype == np.float64


# --- the bundled sample --------------------------------------------------------------------
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def test_bundled_sample_validates_in_folder_and_upload_form() -> None:
    ds = load_dataset(SAMPLE)
    assert ds.source == "Bundled sample"
    assert ds.n_users > 0 and ds.n_events > len(ds.users)
    assert set(ds.events["event_type"]) == set(schema.EVENT_TYPES)
    assert str(ds.events["ts"].dt.tz) == "UTC" and ds.events["dwell_ms"].dtype == np.float64
    assert ds.users["uses_meta_ai"].dtype == bool
    assert ds.interests is not None and "hiking" in ds.interests.columns
    # Every file of the folder, its world description (dataset.json) included, is the same
    # dataset uploaded; without the description it is the same tables of an unknown world.
    files = {p.name: p.read_bytes() for p in SAMPLE.iterdir()
             if p.suffix in (".csv", ".parquet", ".json")}
    uploaded = load_uploaded(files)
    assert uploaded.dataset_id == ds.dataset_id and uploaded.source.startswith("Uploaded: ")
    assert uploaded.meta == ds.meta and ds.meta is not None
    bare = load_uploaded({name: blob for name, blob in files.items() if name != "dataset.json"})
    assert bare.meta is None and bare.dataset_id != ds.dataset_id
    start, end = schema.DEFAULT_WINDOW
    summary = summarize(ds)
    assert str(start) <= summary["first_event"][:10] <= summary["last_event"][:10] <= str(end)


def test_bundled_sample_round_trips_through_csv(tmp_path: Path) -> None:
    ds = load_dataset(SAMPLE)
    events = ds.events.iloc[::10].reset_index(drop=True)  # every 10th event keeps it quick
    for name, frame in (("users", ds.users), ("ads", ds.ads), ("events", events)):
        (tmp_path / f"{name}.csv").write_bytes(frame.to_csv(index=False).encode())
    again = load_dataset(tmp_path)
    assert again.n_events == len(events)
    pd.testing.assert_series_equal(again.events["ts"], events["ts"])
    pd.testing.assert_series_equal(again.events["text"], events["text"])
    pd.testing.assert_series_equal(again.users["uses_meta_ai"], ds.users["uses_meta_ai"])


def test_wrongly_typed_parquet_columns() -> None:
    frames = typed_frames()
    frames["users"]["age_band"] = [1.5] * 6
    frames["ads"]["title"] = [["a", "b"]] * 3
    frames["events"]["topic"] = True
    frames["events"]["dwell_ms"] = True
    frames["users"]["uses_meta_ai"] = [0, 1, 2, 1, 0, 1]
    problems = problems_of(frames, "parquet")
    texts = {str(p) for p in problems}
    assert 'users.parquet, column "age_band": expected text; found decimal numbers' in texts
    assert ('ads.parquet, column "title": expected text; found lists or a mix of kinds of '
            "values") in texts
    assert 'events.parquet, column "topic": expected text; found true/false values' in texts
    dwell = only(problems, "dwell_ms")
    assert dwell.n_rows == 13 and '"True"' in dwell.message
    flag = only(problems, "uses_meta_ai")
    assert flag.rows == (3,) and '"2"' in flag.message


def test_problem_is_frozen_and_reads_as_one_line() -> None:
    problem = Problem("users.csv", (7,), "country", "expected a code\nfound two lines")
    assert str(problem) == 'users.csv, row 7, column "country": expected a code\\nfound two lines'
    assert str(Problem("ads.csv", (), None, "is empty")) == "ads.csv: is empty"
    with pytest.raises(AttributeError):
        problem.rows = (1,)  # type: ignore[misc]


def test_cli_size_limit_is_settable(tmp_path: Path) -> None:
    frames = valid_frames(n_repeat=2000)  # events.csv of about 1.5 MB
    folder = write_dataset(frames, tmp_path / "big")
    code, out, err = run_cli("validate", str(folder), "--max-mb", "0.5")
    assert code == 1 and "- events.csv: is 1." in err and "over the 0.5 MB limit" in err
    code, out, err = run_cli("validate", str(folder), "--max-mb", "5")
    assert code == 0 and "events:    26,000" in out


def test_to_safe_csv_of_empty_and_indexed_frames() -> None:
    assert to_safe_csv(pd.DataFrame({"a": pd.Series([], dtype="str")})) == b"a\r\n"
    frame = pd.DataFrame({"a": ["=x"]}, index=pd.Index(["=idx"], name="key"))
    assert to_safe_csv(frame) == b"a\r\n'=x\r\n"  # the index is not written


def test_cli_on_a_missing_folder_or_a_file(tmp_path: Path) -> None:
    code, out, err = run_cli("validate", str(tmp_path / "nowhere"))
    assert code == 1 and err.splitlines()[1] == f"- {tmp_path / 'nowhere'}: no such folder"
    (tmp_path / "events.csv").write_text("event_id\n")
    code, out, err = run_cli("validate", str(tmp_path / "events.csv"))
    assert code == 1 and "is a file; expected a folder" in err and "Traceback" not in err
