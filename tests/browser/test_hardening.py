"""What a hostile link or file does in a real browser: a table offers no unguarded CSV export,
a link with an out-of-range date opens with a note, and uploads say what was loaded or why not.
Screenshots go to tests/screenshots/ (hardening_*.png)."""

from __future__ import annotations

import pytest
from conftest import assert_no_exception, open_app, wait_for_rerun

from tests.contract_fixtures import to_bytes, valid_frames

pytestmark = pytest.mark.browser
HYPERLINK = '=HYPERLINK("http://x","y")'


def upload(page, files: dict[str, bytes]) -> None:
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(
        [{"name": n, "mimeType": "text/csv", "buffer": b} for n, b in files.items()])
    wait_for_rerun(page)


def choose_own_files(page) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_text("Your own files").click()
    wait_for_rerun(page)


def test_tables_offer_no_unguarded_csv_export(page, server_url, screenshots, tmp_path) -> None:
    frames = valid_frames()
    frames["users"].loc[0, "segment"] = HYPERLINK
    open_app(page, server_url, "data")
    choose_own_files(page)
    upload(page, to_bytes(frames))
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Loaded users.csv, ads.csv, events.csv" in sidebar.locator(
        '[data-testid="stAlertContentSuccess"]').inner_text()
    assert "In use: Uploaded: users.csv, ads.csv, events.csv" in sidebar.inner_text()
    table = page.locator('[data-testid="stDataFrame"]:visible').first  # the People tab
    table.scroll_into_view_if_needed()
    table.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]:visible').first
    toolbar.wait_for(state="visible")
    assert toolbar.get_by_role("button").count() > 0, "the toolbar is shown"
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    page.screenshot(path=str(screenshots / "hardening_data_table_toolbar.png"))
    # The app's own download is the way out, and it makes the formula inert. On a busy
    # machine the upload's follow-up rerun can still be redrawing the button: click it only
    # once the page has settled.
    wait_for_rerun(page)
    button = page.get_by_role("button", name="Download users as CSV")
    button.wait_for(state="visible")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=180_000) as info:
        button.click()
    saved = tmp_path / "users.csv"
    info.value.save_as(saved)
    assert "'=HYPERLINK" in saved.read_text()
    assert_no_exception(page)


def test_a_link_with_a_date_out_of_range_opens_with_a_note(page, server_url,
                                                           screenshots) -> None:
    open_app(page, server_url, "data", "as_of=2024-12-31&ai_chat=off")
    assert_no_exception(page)
    main = page.locator('[data-testid="stMain"]')
    assert "The link's as_of='2024-12-31' was ignored" in main.inner_text()
    assert "AI-chat signal switched off" in main.inner_text(), "the rest of the link holds"
    assert "as_of" not in page.url
    page.screenshot(path=str(screenshots / "hardening_link_out_of_range.png"))


def test_damaged_and_doubled_uploads_say_what_is_wrong(page, server_url, screenshots) -> None:
    open_app(page, server_url, "data")
    choose_own_files(page)
    good = to_bytes(valid_frames())
    upload(page, {"users.csv": b"user_id,country\nx,Narnia\n"})
    upload(page, good)  # added to the box next to the first users.csv
    sidebar = page.locator('[data-testid="stSidebar"]')
    error = sidebar.locator('[data-testid="stAlertContentError"]').inner_text()
    assert "users.csv (2 files of this name)" in error, error
    main_error = page.locator('[data-testid="stMain"] [data-testid="stAlertContentError"]')
    assert "the users table is given 2 times" in main_error.first.inner_text()
    assert "In use: Bundled sample" in sidebar.inner_text()
    page.screenshot(path=str(screenshots / "hardening_same_name_upload.png"), full_page=True)
    assert_no_exception(page)
